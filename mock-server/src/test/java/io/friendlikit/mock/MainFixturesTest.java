package io.friendlikit.mock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line refuses a fixture file that does not load: exit 2 and a message naming file, pointer, rule. */
class MainFixturesTest {

    @Test
    void aBadFixtureFileExitsTwo(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"reply\":{\"toolCalls\":[{\"name\":\"\"}]}}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"--port", "0", "--fixtures", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("friendli-mock: --fixtures: " + bad
                + ": /reply/toolCalls/0/name: required: a non-empty string");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("listening");
    }
}
