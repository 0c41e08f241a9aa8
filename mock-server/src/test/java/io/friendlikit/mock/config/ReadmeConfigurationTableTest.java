package io.friendlikit.mock.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's configuration table names every setting with its flag, property, variable and default. */
class ReadmeConfigurationTableTest {

    @Test
    void everySettingIsDocumentedWithItsNamesAndDefault() throws Exception {
        Path readme = Path.of("..", "README.md");
        assertThat(readme).exists();
        String text = Files.readString(readme);
        for (Setting s : Setting.values()) {
            String row = text.lines().filter(l -> l.startsWith("| `" + s.flag() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("README has no configuration row for " + s.flag()));
            assertThat(row).as(s.flag()).contains("`" + s.property() + "`").contains("`" + s.env() + "`");
            String documentedDefault = s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`";
            assertThat(row).as("default of " + s.flag()).contains(documentedDefault);
        }
    }
}
