package io.friendlikit.mock.request;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Request fields" table and the validation feature follow {@link RequestFields#ALL}. */
class RequestFieldTableTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path FEATURE = Path.of("..", "features", "request-validation.feature");

    /** The README table as the rows render it. */
    static List<String> expectedReadmeTable() {
        List<String> lines = new ArrayList<>();
        lines.add("| Field | JSON type | `null` | Range / values | Default |");
        lines.add("|---|---|---|---|---|");
        for (RequestField f : RequestFields.ALL) {
            lines.add("| `" + f.name() + "` | " + f.kindsText() + " | " + f.presence().nullableText() + " | "
                    + f.constraintText() + " | " + f.defaultValue() + " |");
        }
        return lines;
    }

    @Test
    void readmeListsEveryFieldAsTheTableSays() throws IOException {
        List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
        int heading = readme.indexOf("### Request fields");
        assertThat(heading).as("README has a '### Request fields' section").isNotNegative();
        List<String> table = new ArrayList<>();
        for (int i = heading + 1; i < readme.size(); i++) {
            String line = readme.get(i);
            if (line.startsWith("|")) {
                table.add(line);
            } else if (!table.isEmpty() || line.startsWith("#")) {
                break;
            }
        }
        assertThat(table).as("README 'Request fields' table; expected:%n%s", String.join("\n", expectedReadmeTable()))
                .containsExactlyElementsOf(expectedReadmeTable());
    }

    @Test
    void theValidationFeatureExercisesEveryField() throws IOException {
        String feature = Files.readString(FEATURE, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (RequestField f : RequestFields.ALL) {
            if (!Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(f.name()) + "(?![A-Za-z0-9_])")
                    .matcher(feature).find()) {
                missing.add(f.name());
            }
        }
        assertThat(missing).as("fields never named in %s", FEATURE).isEmpty();
    }

    @Test
    void rowsAreConsistent() {
        assertThat(RequestFields.names()).hasSize(RequestFields.ALL.size()).contains("model", "messages", "top_p");
        for (RequestField f : RequestFields.ALL) {
            assertThat(f.kinds()).as(f.name()).isNotEmpty();
            assertThat(f.defaultValue()).as(f.name()).isNotBlank();
            assertThat(f.constraintText()).as(f.name()).doesNotContain("|");
            if (f.range() != null) {
                assertThat(f.kinds()).as(f.name() + " has a range, so a numeric kind")
                        .containsAnyOf(JsonKind.INTEGER, JsonKind.NUMBER);
            }
            if (!f.allowed().isEmpty()) {
                assertThat(f.kinds()).as(f.name() + " has an enum, so a string kind").contains(JsonKind.STRING);
            }
        }
    }
}
