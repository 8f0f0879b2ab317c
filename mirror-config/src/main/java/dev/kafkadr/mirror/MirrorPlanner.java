package dev.kafkadr.mirror;

import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.PlanException;
import dev.kafkadr.mirror.plan.PlanLoader;
import dev.kafkadr.mirror.render.AgentConfigRenderer;
import dev.kafkadr.mirror.render.ConnectorJsonRenderer;
import dev.kafkadr.mirror.render.Format;
import dev.kafkadr.mirror.render.GeneratedFile;
import dev.kafkadr.mirror.render.Mm2PropertiesRenderer;
import dev.kafkadr.mirror.render.RunbookRenderer;
import dev.kafkadr.mirror.render.StrimziRenderer;
import dev.kafkadr.mirror.validate.PlanValidator;
import dev.kafkadr.mirror.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The mirror-config engine as a library: load a DR plan, validate it, render its outputs, write them. No picocli.
 * Output is deterministic: the same plan gives byte-identical files. Stateless and thread-safe.
 */
public final class MirrorPlanner {

    private MirrorPlanner() {
    }

    public static DrPlan load(Path plan) {
        return PlanLoader.load(plan);
    }

    public static ValidationReport validate(DrPlan plan) {
        return PlanValidator.validate(plan);
    }

    /** The files of the selected formats, sorted by path; the plan must have passed validation. */
    public static List<GeneratedFile> render(DrPlan plan, Set<Format> formats) {
        List<GeneratedFile> files = new ArrayList<>();
        for (Format f : Format.expand(formats)) {
            files.addAll(switch (f) {
                case MM2 -> Mm2PropertiesRenderer.render(plan);
                case CONNECT -> ConnectorJsonRenderer.render(plan);
                case STRIMZI -> StrimziRenderer.render(plan);
                case RUNBOOK -> RunbookRenderer.render(plan);
                case AGENT -> AgentConfigRenderer.render(plan);
                case ALL -> List.of();
            });
        }
        files.sort(Comparator.comparing(GeneratedFile::path));
        return files;
    }

    /** What {@link #generate} did: the validation report and the files written. Immutable. */
    public record Generated(ValidationReport report, List<Path> written) {
    }

    /**
     * Validates {@code plan} and, if it passes, writes the selected formats under {@code outDir}; otherwise writes
     * nothing and throws {@link PlanInvalidException} (after {@code onReport} has seen the findings).
     */
    public static Generated generate(DrPlan plan, Set<Format> formats, Path outDir, boolean strict,
                                     java.util.function.Consumer<ValidationReport> onReport) {
        ValidationReport report = validate(plan);
        onReport.accept(report);
        if (!report.passes(strict)) {
            throw new PlanInvalidException(plan.file(), report, strict, "nothing was generated");
        }
        List<Path> written = new ArrayList<>();
        for (GeneratedFile f : render(plan, formats)) {
            Path target = outDir.resolve(f.path());
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.content(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PlanException("cannot write " + target + ": " + e.getMessage(), e);
            }
            written.add(target);
        }
        return new Generated(report, written);
    }
}
