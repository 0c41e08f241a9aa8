package io.friendlikit.mock.junit5;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example is the test class example/ChatClientTest, which runs with the other tests. */
class ReadmeExampleTest {

    @Test
    void theReadmeShowsTheExampleThatRuns() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("### JUnit 5 extension"));
        String shown = section.substring(section.indexOf("```java\n") + "```java\n".length(), section.indexOf("```\n",
                section.indexOf("```java\n") + 1));
        String source = Files.readString(Path.of("src/test/java/io/friendlikit/mock/junit5/example/ChatClientTest.java"));
        String withoutPackage = source.substring(source.indexOf('\n') + 1).stripLeading();

        assertThat(shown).isEqualTo(withoutPackage);
    }
}
