package dev.kafkadr.restore;

import dev.kafkadr.archive.UsageException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An offset restore: the same selection as the topic restore it follows (so both see the same restore streams), the
 * groups to restore, and whether to only print the plan. Immutable.
 *
 * @param groupsRegex regular expression the whole group id must match, or null for every archived group
 */
public record OffsetRestoreRequest(RestoreRequest selection, String groupsRegex, boolean dryRun) {

    public Pattern groupsPattern() {
        if (groupsRegex == null) {
            return null;
        }
        try {
            return Pattern.compile(groupsRegex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--groups '" + groupsRegex + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }
}
