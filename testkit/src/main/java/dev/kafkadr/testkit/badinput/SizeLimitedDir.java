package dev.kafkadr.testkit.badinput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A directory backed by its own size-limited tmpfs, so writes beyond the limit fail with the kernel's real ENOSPC
 * ("No space left on device"). Mounting needs root or password-less {@code sudo}; {@link #tryMount} says whether it
 * worked and why not. Not thread-safe; close once (unmounts).
 */
public final class SizeLimitedDir implements AutoCloseable {

    private final Path dir;
    private final boolean sudo;

    private SizeLimitedDir(Path dir, boolean sudo) {
        this.dir = dir;
        this.sudo = sudo;
    }

    /** Result of {@link #tryMount}: the directory, or the reason it could not be mounted. */
    public record Attempt(SizeLimitedDir dir, String failure) {
    }

    /** Mounts a tmpfs of {@code sizeBytes} on {@code dir} (created if needed), directly or through sudo -n. */
    public static Attempt tryMount(Path dir, long sizeBytes) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return new Attempt(null, "cannot create " + dir + ": " + e.getMessage());
        }
        String uid = String.valueOf(new com.sun.security.auth.module.UnixSystem().getUid());
        List<String> mount = List.of("mount", "-t", "tmpfs", "-o", "size=" + sizeBytes + ",mode=0755,uid=" + uid,
                "kdr-disk-full", dir.toString());
        String direct = run(mount);
        if (direct == null) {
            return new Attempt(new SizeLimitedDir(dir, false), null);
        }
        List<String> viaSudo = new ArrayList<>(List.of("sudo", "-n"));
        viaSudo.addAll(mount);
        String sudo = run(viaSudo);
        if (sudo == null) {
            return new Attempt(new SizeLimitedDir(dir, true), null);
        }
        return new Attempt(null, "mount: " + direct + "; sudo -n mount: " + sudo);
    }

    /** null on success, else what went wrong. */
    private static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? null : "exit " + p.exitValue() + " " + out;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    public Path path() {
        return dir;
    }

    @Override
    public void close() {
        List<String> umount = new ArrayList<>(sudo ? List.of("sudo", "-n") : List.of());
        umount.addAll(List.of("umount", dir.toString()));
        String failure = run(umount);
        if (failure != null) {
            throw new IllegalStateException("could not unmount " + dir + ": " + failure);
        }
    }
}
