package io.friendlikit.mock.config;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's configuration table is the rows of {@link Setting}: names, default, and the words each takes. */
class ReadmeConfigurationTableTest {

    private static List<String> tableRows;

    @BeforeAll
    static void readTheTable() throws Exception {
        Path readme = Path.of("..", "README.md");
        assertThat(readme).exists();
        List<String> lines = Files.readAllLines(readme);
        int header = lines.indexOf("| Option | Property | Variable | Default | Meaning |");
        assertThat(header).as("README has the configuration table header").isNotNegative();
        tableRows = lines.subList(header + 2, lines.size()).stream().takeWhile(l -> l.startsWith("|")).toList();
    }

    private static String rowOf(Setting<?> s) {
        return tableRows.stream().filter(l -> l.startsWith("| `" + s.flag() + "` |")).findFirst()
                .orElseThrow(() -> new AssertionError("README has no configuration row for " + s.flag()));
    }

    @Test
    void everySettingIsDocumentedWithItsNamesAndDefault() {
        for (Setting<?> s : Setting.values()) {
            String row = rowOf(s);
            assertThat(row).as(s.flag()).contains("`" + s.property() + "`").contains("`" + s.env() + "`");
            String documentedDefault = s.defaultText().isEmpty() ? "(empty)" : "`" + s.defaultText() + "`";
            assertThat(row).as("default of " + s.flag()).contains(documentedDefault);
        }
    }

    @Test
    void theTableHasOneRowPerSettingInTheOrderOfHelp() {
        List<String> documented = tableRows.stream().map(l -> l.substring(3, l.indexOf('`', 3))).toList();
        assertThat(documented).containsExactlyElementsOf(Setting.values().stream().map(Setting::flag).toList());
    }

    @Test
    void aSettingThatTakesAFewWordsNamesEachOfThem() {
        for (Setting<?> s : Setting.values()) {
            String meaning = rowOf(s).substring(rowOf(s).lastIndexOf(" | ") + 3);
            for (String choice : s.parser().choices()) {
                assertThat(meaning).as("%s documents the value %s", s, choice).contains("`" + choice + "`");
            }
        }
    }
}
