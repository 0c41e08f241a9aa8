package io.friendlikit.mock.generation;

import io.friendlikit.mock.wire.ChatMessage;
import io.friendlikit.mock.wire.ToolCall;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    @Test
    void wordsCarryTheirLeadingSpaceAndPunctuationStandsAlone() {
        assertThat(Tokenizer.tokenize("Hello, big world!")).containsExactly("Hello", ",", " big", " world", "!");
    }

    @Test
    void digitRunsSplitIntoGroupsOfThree() {
        assertThat(Tokenizer.tokenize("a 1234567")).containsExactly("a", " 123", "456", "7");
    }

    @Test
    void whitespaceRunsAreOneTokenAndLeaveTheLastSpaceToTheWord() {
        assertThat(Tokenizer.tokenize("a  b\n\nc")).containsExactly("a", " ", " b", "\n\n", "c");
        assertThat(Tokenizer.tokenize("x \t")).containsExactly("x", " \t");
    }

    @Test
    void jsonTextIsPunctuationAndWords() {
        assertThat(Tokenizer.tokenize("{\"city\":\"Paris\"}"))
                .containsExactly("{", "\"", "city", "\"", ":", "\"", "Paris", "\"", "}");
    }

    @Test
    void surrogatePairsStayTogether() {
        assertThat(Tokenizer.tokenize("ok\uD83D\uDE00")).containsExactly("ok", "\uD83D\uDE00");
    }

    @Test
    void nullAndEmptyHaveNoTokens() {
        assertThat(Tokenizer.tokenize(null)).isEmpty();
        assertThat(Tokenizer.count("")).isZero();
    }

    @Property(tries = 1000)
    void tokenizationIsLosslessAndCountAgrees(@ForAll String text) {
        List<String> tokens = Tokenizer.tokenize(text);
        assertThat(String.join("", tokens)).isEqualTo(text);
        assertThat(tokens).allSatisfy(t -> assertThat(t).isNotEmpty());
        assertThat(Tokenizer.count(text)).isEqualTo(tokens.size());
    }

    @Test
    void promptTokensCountMessagesNamesCallsAndTools() {
        Generator generator = new Generator(1);
        var base = Requests.chat("What is the weather in Paris?").build();
        int plain = generator.promptTokens(base);
        assertThat(plain).isEqualTo(Generator.REPLY_PRIMING_TOKENS + Generator.MESSAGE_OVERHEAD_TOKENS + 1
                + Tokenizer.count("What is the weather in Paris?"));

        var withTool = Requests.chat("What is the weather in Paris?")
                .tool(Requests.tool("get_weather", "Weather of a city",
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"))
                .build();
        assertThat(generator.promptTokens(withTool)).isGreaterThan(plain + Generator.TOOL_OVERHEAD_TOKENS);

        var withCall = Requests.chat("x")
                .message(new ChatMessage("assistant", null, 0, List.of(new ToolCall("call_1", "f", "{\"a\":1}")),
                        null, "bot", null))
                .build();
        assertThat(generator.promptTokens(withCall)).isGreaterThan(generator.promptTokens(Requests.chat("x").build())
                + Generator.MESSAGE_OVERHEAD_TOKENS + Generator.CALL_OVERHEAD_TOKENS);
    }
}
