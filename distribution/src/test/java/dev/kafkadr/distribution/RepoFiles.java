package dev.kafkadr.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this repository (deploy/, scripts/, the distribution's sources), found from the build. Stateless. */
final class RepoFiles {

    private RepoFiles() {
    }

    /** The repository root: system property kdr.repo.root (set by the pom), else the parent of the module dir. */
    static Path root() {
        String prop = System.getProperty("kdr.repo.root");
        Path root = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError(p + " does not exist");
        }
        return p;
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
