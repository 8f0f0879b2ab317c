package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.mm2.Mm2Catalog;
import dev.kafkadr.mirror.plan.DrPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CLEAR_TEXT_SECRET: a setting whose key MirrorMaker 2 or the Kafka clients define as a password (or whose name
 * says secret, token, credential, JAAS) must be a config-provider reference such as {@code ${file:PATH:KEY}} or
 * {@code ${env:VAR}}, never the value. Messages never repeat the value. Stateless.
 */
public final class SecretRule implements Rule {

    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(password|passwd|secret|token|credential|jaas|api\\.key|private\\.key|user\\.info|keystore\\.key).*");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+:[^}]*\\}");

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        for (PlanSetting s : PlanSetting.all(plan)) {
            if (isSecretKey(s.key()) && !s.value().isBlank() && !REFERENCE.matcher(s.value().strip()).matches()) {
                out.add(Finding.of(Code.CLEAR_TEXT_SECRET, s.subject(), s.path(),
                        "'" + s.key() + "' holds a secret in clear text (value not shown)", fix(s)));
            }
        }
        return out;
    }

    static boolean isSecretKey(String key) {
        return Mm2Catalog.get().isPasswordKey(key) || SECRET_NAME.matcher(key.toLowerCase(java.util.Locale.ROOT))
                .matches();
    }

    private static String fix(PlanSetting s) {
        if (s.path().startsWith("clusters.")) {
            String alias = s.path().split("\\.")[1];
            return "move it to the file in clusters." + alias + ".secrets.file and list '" + s.key()
                    + "' in secrets.fileKeys, or name an environment variable under secrets.env";
        }
        return "replace the value with a ${file:PATH:KEY} or ${env:VAR} reference";
    }
}
