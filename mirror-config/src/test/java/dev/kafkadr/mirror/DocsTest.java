package dev.kafkadr.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.mirror.validate.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/mirror-config.md lists exactly the finding codes the code has, each with its default severity. */
class DocsTest {

    @Test
    void rules_table_matches_the_code_enum() throws IOException {
        String doc = Files.readString(Paths.get("../docs/mirror-config.md"));
        List<String> documented = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| (ERROR|WARNING)").matcher(doc);
        while (m.find()) {
            documented.add(m.group(1) + " " + m.group(2));
        }
        List<String> declared = new ArrayList<>();
        for (Code c : Code.values()) {
            declared.add(c.name() + " " + c.severity());
        }
        assertThat(documented).containsExactlyElementsOf(declared);
    }
}
