package io.friendlikit.mock.generation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.catalog.ModelInfo;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.ResponseFormat;
import io.friendlikit.mock.wire.ToolChoice;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationPropertiesTest {

    private static final Generator GENERATOR = new Generator(2024);

    @Property(tries = 1000)
    void jsonSchemaOutputValidatesAgainstRandomSchemas(@ForAll long schemaSeed, @ForAll long seed) {
        ObjectNode schema = RandomSchemas.objectSchema(schemaSeed);
        ChatRequest request = Requests.chat("Answer in JSON").seed(seed).jsonSchema(schema.toString()).build();
        ChoiceOutput out = GENERATOR.generate(request, Requests.PLAIN).choices().get(0);
        assertThat(SchemaCheck.errors(schema.toString(), out.contentText()))
                .as("schema %s%noutput %s", schema, out.contentText()).isEmpty();
        assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Property(tries = 1000)
    void toolArgumentsValidateAgainstRandomParameterSchemas(@ForAll long schemaSeed, @ForAll long seed) {
        ObjectNode schema = RandomSchemas.objectSchema(schemaSeed);
        ChatRequest request = Requests.chat("Use the lookup tool for Paris").seed(seed)
                .tool(new io.friendlikit.mock.wire.ToolDefinition("lookup", "Look things up", schema))
                .toolChoice(new ToolChoice(ToolChoice.Mode.REQUIRED, null)).build();
        ChoiceOutput out = GENERATOR.generate(request, Requests.PLAIN).choices().get(0);
        assertThat(out.toolCalls()).hasSize(1);
        String arguments = out.toolCalls().get(0).arguments();
        assertThat(SchemaCheck.errors(schema.toString(), arguments)).as("schema %s%nargs %s", schema, arguments)
                .isEmpty();
        assertThat(out.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Property(tries = 1000)
    void outputsAreDeterministicAndTokenCountsAgree(@ForAll("requests") ChatRequest request,
                                                   @ForAll boolean reasoningModel) {
        ModelInfo model = reasoningModel ? Requests.REASONING : Requests.PLAIN;
        Generation first = new Generator(77).generate(request, model);
        Generation second = new Generator(77).generate(request, model);
        assertThat(first).isEqualTo(second);
        assertThat(first.choices()).hasSize(request.n());
        int budget = Generator.budget(request, model, first.promptTokens());
        int expectedAlternatives = request.logprobs() && request.topLogprobs() != null ? request.topLogprobs() : 0;
        int sum = 0;
        for (ChoiceOutput c : first.choices()) {
            int emitted = c.reasoning().size() + c.content().size()
                    + c.toolCalls().stream().mapToInt(t -> t.argumentTokens().size()).sum();
            assertThat(c.completionTokens()).isEqualTo(emitted + c.hiddenReasoningTokens());
            assertThat(c.completionTokens()).isLessThanOrEqualTo(budget);
            if (c.finishReason() == FinishReason.LENGTH) {
                assertThat(c.completionTokens()).isEqualTo(budget);
            }
            assertThat(c.contentNull()).isEqualTo(c.contentText() == null);
            if (c.finishReason() == FinishReason.TOOL_CALLS) {
                assertThat(c.toolCalls()).isNotEmpty();
            }
            for (Token t : allTokens(c)) {
                assertThat(t.text()).isNotEmpty();
                assertThat(t.logprob()).isLessThanOrEqualTo(0.0);
                assertThat(t.alternatives()).hasSize(expectedAlternatives);
            }
            sum += c.completionTokens();
        }
        assertThat(first.completionTokens()).isEqualTo(sum);
        assertThat(first.promptTokens()).isEqualTo(GENERATOR.promptTokens(request));
    }

    @Property(tries = 1000)
    void maxTokensCutIsExact(@ForAll @IntRange(min = 1, max = 400) int maxTokens, @ForAll long seed,
                             @ForAll boolean withTool) {
        Requests.Builder builder = Requests.chat("get_weather in Rome and Paris").seed(seed);
        if (withTool) {
            builder.tool(ToolCallTest.WEATHER).tool(ToolCallTest.STOCK)
                    .toolChoice(new ToolChoice(ToolChoice.Mode.REQUIRED, null));
        } else {
            builder.minTokens(200);
        }
        ChoiceOutput full = GENERATOR.generate(builder.build(), Requests.PLAIN).choices().get(0);
        ChoiceOutput cut = GENERATOR.generate(builder.maxTokens(maxTokens).build(), Requests.PLAIN).choices().get(0);
        if (full.completionTokens() > maxTokens) {
            assertThat(cut.completionTokens()).isEqualTo(maxTokens);
            assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
        } else {
            assertThat(cut).isEqualTo(full);
        }
        String fullText = full.contentNull() ? "" : full.contentText();
        assertThat(fullText).startsWith(cut.contentNull() ? "" : cut.contentText());
        for (int i = 0; i < cut.toolCalls().size(); i++) {
            assertThat(full.toolCalls().get(i).arguments()).startsWith(cut.toolCalls().get(i).arguments());
            assertThat(full.toolCalls().get(i).id()).isEqualTo(cut.toolCalls().get(i).id());
        }
    }

    @Property(tries = 1000)
    void regexOutputFullyMatchesAndIsDeterministic(@ForAll("regexes") String regex, @ForAll @LongRange long seed) {
        ChatRequest request = Requests.chat("code").seed(seed).regex(regex).build();
        ChoiceOutput out = GENERATOR.generate(request, Requests.PLAIN).choices().get(0);
        assertThat(out.contentText()).matches(regex);
        assertThat(GENERATOR.generate(request, Requests.PLAIN).choices().get(0)).isEqualTo(out);
    }

    @Provide
    Arbitrary<String> regexes() {
        return Arbitraries.of("[a-z]{3,8}", "(cat|dog|bird)s?", "\\d{4}-\\d{2}-\\d{2}", "[A-Z][a-z]*( [A-Z][a-z]*)*",
                "#[0-9a-f]{6}", "v\\d+\\.\\d+\\.\\d+(-rc\\d)?", "[^\\s]{2,5}", "(a|b)+c{2}");
    }

    private static List<Token> allTokens(ChoiceOutput c) {
        List<Token> all = new java.util.ArrayList<>(c.reasoning());
        all.addAll(c.content());
        c.toolCalls().forEach(t -> all.addAll(t.argumentTokens()));
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Object> any(Arbitrary<?> arbitrary) {
        return (Arbitrary<Object>) arbitrary;
    }

    @Provide
    Arbitrary<ChatRequest> requests() {
        Arbitrary<Integer> n = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> maxTokens = Arbitraries.integers().between(1, 300).injectNull(0.4);
        Arbitrary<Integer> minTokens = Arbitraries.integers().between(0, 120);
        Arbitrary<List<String>> stop = Arbitraries.of(" the", "ing", ".", ",", "e a", "xyz").list().ofMaxSize(2);
        Arbitrary<Long> seed = Arbitraries.longs().injectNull(0.3);
        Arbitrary<Double> temperature = Arbitraries.of(0.0, 0.5, 1.0, 1.7);
        Arbitrary<Integer> topK = Arbitraries.of(0, 1, 40);
        Arbitrary<Integer> topLogprobs = Arbitraries.integers().between(0, 6).injectNull(0.5);
        Arbitrary<Integer> shape = Arbitraries.integers().between(0, 6);
        Arbitrary<String> effort = Arbitraries.of("minimal", "low", "medium", "high", "max").injectNull(0.3);
        Arbitrary<Integer> reasoningBudget = Arbitraries.integers().between(-1, 50).injectNull(0.5);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        return Combinators.combine(List.of(any(n), any(maxTokens), any(minTokens), any(stop), any(seed),
                any(temperature), any(topK), any(topLogprobs), any(shape), any(effort), any(reasoningBudget),
                any(flags), any(flags), any(flags))).as(values -> {
                    Requests.Builder b = Requests.chat("Please check the weather in Paris and the stock price of ACME");
                    b.n((Integer) values.get(0)).maxTokens((Integer) values.get(1));
                    @SuppressWarnings("unchecked")
                    List<String> stops = (List<String>) values.get(3);
                    b.stop(stops.toArray(String[]::new));
                    if (values.get(4) != null) {
                        b.seed((Long) values.get(4));
                    }
                    b.temperature((Double) values.get(5)).topK((Integer) values.get(6));
                    if (values.get(7) != null) {
                        b.logprobs((Integer) values.get(7));
                    }
                    switch ((Integer) values.get(8)) {
                        case 0 -> b.minTokens((Integer) values.get(2));
                        case 1 -> b.tool(ToolCallTest.WEATHER).tool(ToolCallTest.STOCK)
                                .parallelToolCalls((Boolean) values.get(13));
                        case 2 -> b.tool(ToolCallTest.WEATHER).toolResult("call_1", "sunny");
                        case 3 -> b.responseFormat(new ResponseFormat(ResponseFormat.Type.JSON_OBJECT, null, null));
                        case 4 -> b.jsonSchema(StructuredOutputTest.SCHEMAS[3]);
                        case 5 -> b.regex("[A-Z]{2}[0-9]{2,4}");
                        default -> b.tool(ToolCallTest.CLOCK)
                                .toolChoice(new ToolChoice(ToolChoice.Mode.FUNCTION, "clock"));
                    }
                    b.parseReasoning((Boolean) values.get(11) ? Boolean.TRUE : null)
                            .includeReasoning((Boolean) values.get(12))
                            .reasoningEffort((String) values.get(9))
                            .reasoningBudget((Integer) values.get(10));
                    return b.build();
                });
    }
}
