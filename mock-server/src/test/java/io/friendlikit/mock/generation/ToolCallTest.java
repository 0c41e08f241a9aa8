package io.friendlikit.mock.generation;

import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.ToolChoice;
import io.friendlikit.mock.wire.ToolDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToolCallTest {

    static final String WEATHER_SCHEMA = "{\"type\":\"object\",\"properties\":{"
            + "\"location\":{\"type\":\"string\",\"description\":\"city\"},"
            + "\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]},"
            + "\"days\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":7}},"
            + "\"required\":[\"location\",\"unit\"]}";
    static final ToolDefinition WEATHER = Requests.tool("get_weather", "Current weather for a city", WEATHER_SCHEMA);
    static final String STOCK_SCHEMA = "{\"type\":\"object\",\"properties\":{\"ticker\":{\"type\":\"string\","
            + "\"pattern\":\"^[A-Z]{3,5}$\"},\"when\":{\"type\":\"string\",\"format\":\"date-time\"}},"
            + "\"required\":[\"ticker\",\"when\"]}";
    static final ToolDefinition STOCK = Requests.tool("stock-price", "Quote of a share on the exchange", STOCK_SCHEMA);
    static final ToolDefinition CLOCK = Requests.tool("clock", null, "{\"type\":\"object\",\"properties\":{}}");

    private final Generator generator = new Generator(11);

    private ChoiceOutput one(ChatRequest request) {
        return generator.generate(request, Requests.PLAIN).choices().get(0);
    }

    private static Requests.Builder withTools(String text) {
        return Requests.chat(text).tool(WEATHER).tool(STOCK).tool(CLOCK);
    }

    @Test
    void autoCallsAFunctionNamedInTheUserMessage() {
        ChoiceOutput out = one(withTools("Please use get weather for Paris").build());
        assertThat(out.toolCalls()).extracting(GeneratedToolCall::name).containsExactly("get_weather");
        assertThat(out.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(out.contentNull()).isTrue();
        assertThat(out.contentText()).isNull();
        GeneratedToolCall call = out.toolCalls().get(0);
        assertThat(call.id()).matches("call_[A-Za-z0-9]{24}");
        assertThat(SchemaCheck.errors(WEATHER_SCHEMA, call.arguments())).isEmpty();
        assertThat(Tokenizer.tokenize(call.arguments()))
                .containsExactlyElementsOf(call.argumentTokens().stream().map(Token::text).toList());
        assertThat(out.completionTokens()).isEqualTo(call.argumentTokens().size());
    }

    @Test
    void dashesInTheNameMatchAsSpacesAndCaseIsIgnored() {
        ChoiceOutput out = one(withTools("STOCK PRICE of ACME now").parallelToolCalls(false).build());
        assertThat(out.toolCalls()).extracting(GeneratedToolCall::name).containsExactly("stock-price");
        assertThat(SchemaCheck.errors(STOCK_SCHEMA, out.toolCalls().get(0).arguments())).isEmpty();
    }

    @Test
    void autoCallsAFunctionWhoseDescriptionSharesASignificantWord() {
        ChoiceOutput out = one(withTools("How is the weather in Berlin?").build());
        assertThat(out.toolCalls()).extracting(GeneratedToolCall::name).containsExactly("get_weather");
    }

    @Test
    void functionWordsAndShortWordsDoNotTrigger() {
        ChoiceOutput out = one(withTools("What can you do for me with that?").build());
        assertThat(out.toolCalls()).isEmpty();
        assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(out.contentNull()).isFalse();
        assertThat(out.contentText()).isNotEmpty();
    }

    @Test
    void aNameGluedInsideAnotherWordDoesNotMatch() {
        ChoiceOutput out = one(Requests.chat("the alarmclocks are loud").tool(CLOCK).build());
        assertThat(out.toolCalls()).isEmpty();
        assertThat(one(Requests.chat("what does the clock say?").tool(CLOCK).build()).toolCalls()).hasSize(1);
    }

    @Test
    void userStringsCanBeReused() {
        boolean paris = false;
        for (long seed = 0; seed < 10; seed++) {
            ChoiceOutput out = one(withTools("Weather in Paris, please").seed(seed).build());
            paris |= out.toolCalls().get(0).arguments().contains("\"location\":\"Paris\"");
        }
        assertThat(paris).isTrue();
    }

    @Test
    void toolResultAsLastMessageGivesText() {
        ChoiceOutput out = one(withTools("Weather in Paris?").toolResult("call_x", "sunny, 21 C").build());
        assertThat(out.toolCalls()).isEmpty();
        assertThat(out.contentText()).isNotBlank();
        assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void parallelCallsOneForEachMatchingFunctionBestFirst() {
        ChoiceOutput out = one(withTools("get_weather in Rome and the share price of ACME").build());
        assertThat(out.toolCalls()).extracting(GeneratedToolCall::name).containsExactly("get_weather", "stock-price");
        assertThat(out.toolCalls()).extracting(GeneratedToolCall::id).doesNotHaveDuplicates();
        assertThat(out.completionTokens()).isEqualTo(out.toolCalls().stream()
                .mapToInt(c -> c.argumentTokens().size()).sum());
        ChoiceOutput single = one(withTools("get_weather in Rome and the share price of ACME")
                .parallelToolCalls(false).build());
        assertThat(single.toolCalls()).extracting(GeneratedToolCall::name).containsExactly("get_weather");
    }

    @Test
    void parallelCallsAreCappedAtThree() {
        Requests.Builder b = Requests.chat("call a1 a2 a3 a4 a5");
        for (int i = 1; i <= 5; i++) {
            b.tool(Requests.tool("a" + i, null, "{\"type\":\"object\",\"properties\":{}}"));
        }
        assertThat(one(b.build()).toolCalls()).hasSize(ToolSelector.MAX_PARALLEL_CALLS);
    }

    @Test
    void requiredCallsTheFirstFunctionWhenNothingMatches() {
        ChoiceOutput out = one(withTools("hello").toolChoice(new ToolChoice(ToolChoice.Mode.REQUIRED, null)).build());
        assertThat(out.toolCalls()).extracting(GeneratedToolCall::name).containsExactly("get_weather");
        ChoiceOutput matched = one(withTools("what time is it on the clock")
                .toolChoice(new ToolChoice(ToolChoice.Mode.REQUIRED, null)).build());
        assertThat(matched.toolCalls()).extracting(GeneratedToolCall::name).containsExactly("clock");
        assertThat(matched.toolCalls().get(0).arguments()).isEqualTo("{}");
    }

    @Test
    void namedFunctionIsCalledExactlyOnceEvenAfterAToolResult() {
        ChoiceOutput out = one(withTools("weather please").toolResult("call_1", "ok")
                .toolChoice(new ToolChoice(ToolChoice.Mode.FUNCTION, "stock-price")).build());
        assertThat(out.toolCalls()).extracting(GeneratedToolCall::name).containsExactly("stock-price");
        assertThat(out.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void noneNeverCalls() {
        ChoiceOutput out = one(withTools("get_weather for Paris").toolChoice(new ToolChoice(ToolChoice.Mode.NONE, null))
                .build());
        assertThat(out.toolCalls()).isEmpty();
        assertThat(out.contentNull()).isFalse();
    }

    @Test
    void callsAreDeterministicAndIdsDependOnTheSeed() {
        ChatRequest request = withTools("get_weather for Paris").seed(1).build();
        assertThat(generator.generate(request, Requests.PLAIN)).isEqualTo(new Generator(99).generate(request, Requests.PLAIN));
        String other = one(withTools("get_weather for Paris").seed(2).build()).toolCalls().get(0).id();
        assertThat(one(request).toolCalls().get(0).id()).isNotEqualTo(other);
        Generation two = generator.generate(withTools("get_weather for Paris").temperature(0).n(2).build(), Requests.PLAIN);
        assertThat(two.choices().get(0).toolCalls().get(0).id()).isNotEqualTo(two.choices().get(1).toolCalls().get(0).id());
    }

    @Test
    void maxTokensCutsAcrossArgumentTokens() {
        ChoiceOutput full = one(withTools("get_weather in Rome and stock-price of ACME").seed(4).build());
        int first = full.toolCalls().get(0).argumentTokens().size();
        ChoiceOutput cutInFirst = one(withTools("get_weather in Rome and stock-price of ACME").seed(4)
                .maxTokens(first - 2).build());
        assertThat(cutInFirst.toolCalls()).hasSize(1);
        assertThat(cutInFirst.completionTokens()).isEqualTo(first - 2);
        assertThat(cutInFirst.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(full.toolCalls().get(0).arguments()).startsWith(cutInFirst.toolCalls().get(0).arguments());

        ChoiceOutput cutInSecond = one(withTools("get_weather in Rome and stock-price of ACME").seed(4)
                .maxTokens(first + 3).build());
        assertThat(cutInSecond.toolCalls()).hasSize(2);
        assertThat(cutInSecond.toolCalls().get(1).argumentTokens()).hasSize(3);
        assertThat(cutInSecond.finishReason()).isEqualTo(FinishReason.LENGTH);

        ChoiceOutput exact = one(withTools("get_weather in Rome and stock-price of ACME").seed(4)
                .maxTokens(full.completionTokens()).build());
        assertThat(exact).isEqualTo(full);
        assertThat(exact.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }
}
