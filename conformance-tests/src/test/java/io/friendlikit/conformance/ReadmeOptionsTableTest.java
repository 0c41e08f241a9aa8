package io.friendlikit.conformance;

import io.friendlikit.conformance.config.Setting;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The options table of conformance-tests/README.md is the rows of {@link Setting}, one line each, in order. */
class ReadmeOptionsTableTest {

    private record Row(String flag, String property, String variable, String defaultText, String meaning) {
    }

    @Test
    void theReadmeTableListsEverySettingWithItsNamesDefaultAndMeaning() throws Exception {
        List<Row> rows = Files.readString(Path.of("README.md")).lines()
                .filter(line -> line.startsWith("| `--"))
                .map(ReadmeOptionsTableTest::row)
                .collect(Collectors.toList());
        assertThat(rows.stream().map(Row::flag))
                .as("flags of the README table, in order")
                .containsExactlyElementsOf(Arrays.stream(Setting.values()).map(Setting::flag).collect(Collectors.toList()));
        Map<String, Row> byFlag = rows.stream().collect(Collectors.toMap(Row::flag, Function.identity()));
        for (Setting setting : Setting.values()) {
            Row row = byFlag.get(setting.flag());
            assertThat(row.property()).as("property of " + setting.flag()).isEqualTo(setting.property());
            assertThat(row.variable()).as("variable of " + setting.flag()).isEqualTo(setting.environmentVariable());
            assertThat(row.defaultText()).as("default of " + setting.flag()).isEqualTo(setting.defaultText());
            assertThat(row.meaning()).as("meaning of " + setting.flag()).isEqualTo(setting.description());
        }
    }

    /** One table line with its Markdown emphasis and code marks removed. */
    private static Row row(String line) {
        String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
        assertThat(cells).as("cells of %s", line).hasSize(5);
        String[] text = Arrays.stream(cells).map(c -> c.replace("`", "").replace("**", "").trim()).toArray(String[]::new);
        return new Row(text[0], text[1], text[2], text[3], text[4]);
    }
}
