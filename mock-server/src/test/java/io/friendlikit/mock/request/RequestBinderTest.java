package io.friendlikit.mock.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.ResponseFormat;
import io.friendlikit.mock.wire.ToolChoice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBinderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MINIMAL = "\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

    private static ChatRequest bind(String extraMembers) throws Exception {
        JsonNode body = MAPPER.readTree("{" + MINIMAL + (extraMembers.isEmpty() ? "" : "," + extraMembers) + "}");
        return new RequestBinder(MAPPER).bind(body);
    }

    @Test
    void eachSamplingNumberLandsOnItsOwnComponent() throws Exception {
        ChatRequest r = bind("\"temperature\":0.3,\"top_p\":0.4,\"min_p\":0.5,\"frequency_penalty\":0.6,"
                + "\"presence_penalty\":0.7,\"repetition_penalty\":0.8");
        assertThat(List.of(r.temperature(), r.topP(), r.minP(), r.frequencyPenalty(), r.presencePenalty(),
                r.repetitionPenalty())).containsExactly(0.3, 0.4, 0.5, 0.6, 0.7, 0.8);
    }

    @Test
    void eachIntegerLandsOnItsOwnComponent() throws Exception {
        ChatRequest r = bind("\"n\":3,\"max_tokens\":40,\"min_tokens\":5,\"top_k\":6,\"logprobs\":true,"
                + "\"top_logprobs\":7,\"reasoning_budget\":8,\"seed\":[1,2,3]");
        assertThat(List.of(r.n(), r.maxTokens(), r.minTokens(), r.topK(), r.topLogprobs(), r.reasoningBudget()))
                .containsExactly(3, 40, 5, 6, 7, 8);
        assertThat(r.seeds()).containsExactly(1L, 2L, 3L);
        assertThat(r.logprobs()).isTrue();
    }

    @Test
    void absentAndNullMembersTakeTheDefaultsOfTheTable() throws Exception {
        for (ChatRequest r : List.of(bind(""), bind("\"temperature\":null,\"top_p\":null,\"n\":null,"
                + "\"parallel_tool_calls\":null,\"include_reasoning\":null,\"tool_choice\":null,\"top_k\":null,"
                + "\"stream\":null,\"stop\":null,\"seed\":null,\"parse_reasoning\":null,\"response_format\":null"))) {
            assertThat(r.model()).isEqualTo("m");
            assertThat(r.messages()).singleElement().extracting(m -> m.text()).isEqualTo("Hi");
            assertThat(r.temperature()).isEqualTo(1.0);
            assertThat(r.topP()).isEqualTo(1.0);
            assertThat(r.repetitionPenalty()).isEqualTo(1.0);
            assertThat(r.minP()).isZero();
            assertThat(r.frequencyPenalty()).isZero();
            assertThat(r.presencePenalty()).isZero();
            assertThat(r.n()).isEqualTo(1);
            assertThat(r.topK()).isZero();
            assertThat(r.minTokens()).isZero();
            assertThat(r.maxTokens()).isNull();
            assertThat(r.topLogprobs()).isNull();
            assertThat(r.reasoningBudget()).isNull();
            assertThat(r.reasoningEffort()).isNull();
            assertThat(r.parseReasoning()).isNull();
            assertThat(r.seeds()).isNull();
            assertThat(r.stream()).isFalse();
            assertThat(r.includeUsage()).isFalse();
            assertThat(r.logprobs()).isFalse();
            assertThat(r.parallelToolCalls()).isTrue();
            assertThat(r.includeReasoning()).isTrue();
            assertThat(r.toolChoice()).isEqualTo(ToolChoice.AUTO);
            assertThat(r.responseFormat()).isNull();
            assertThat(r.stop()).isEmpty();
            assertThat(r.tools()).isEmpty();
            assertThat(r.eosToken()).isEmpty();
            assertThat(r.logitBias()).isEmpty();
            assertThat(r.chatTemplateKwargs()).isEmpty();
        }
    }

    @Test
    void tableDefaultsAgreeWithWhatTheBinderApplies() throws Exception {
        ChatRequest r = bind("");
        Map<String, Object> bound = Map.of("temperature", r.temperature(), "top_p", r.topP(), "min_p", r.minP(),
                "frequency_penalty", r.frequencyPenalty(), "presence_penalty", r.presencePenalty(),
                "repetition_penalty", r.repetitionPenalty(), "n", r.n(), "top_k", r.topK(), "min_tokens",
                r.minTokens(), "parallel_tool_calls", r.parallelToolCalls());
        bound.forEach((name, value) -> assertThat(RequestFields.named(name).orElseThrow().defaultValue())
                .as("documented default of " + name)
                .isEqualTo(value instanceof Double d ? new java.math.BigDecimal(d.toString()).stripTrailingZeros()
                        .toPlainString() : String.valueOf(value)));
    }

    @Test
    void membersOfStructure() throws Exception {
        ChatRequest r = bind("\"stream\":true,\"stream_options\":{\"include_usage\":true},\"stop\":[\"END\"],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{}}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}},\"parallel_tool_calls\":false,"
                + "\"response_format\":{\"type\":\"regex\",\"schema\":\"[a-z]+\"},\"parse_reasoning\":true,"
                + "\"include_reasoning\":false,\"reasoning_effort\":\"high\",\"chat_template_kwargs\":{\"k\":[1]},"
                + "\"eos_token\":[2],\"logit_bias\":{\"5\":-1.5}");
        assertThat(r.stream()).isTrue();
        assertThat(r.includeUsage()).isTrue();
        assertThat(r.stop()).containsExactly("END");
        assertThat(r.tools()).singleElement().extracting(t -> t.name()).isEqualTo("f");
        assertThat(r.toolChoice()).isEqualTo(new ToolChoice(ToolChoice.Mode.FUNCTION, "f"));
        assertThat(r.parallelToolCalls()).isFalse();
        assertThat(r.responseFormat()).isEqualTo(new ResponseFormat(ResponseFormat.Type.REGEX, null, "[a-z]+"));
        assertThat(r.parseReasoning()).isTrue();
        assertThat(r.includeReasoning()).isFalse();
        assertThat(r.reasoningEffort()).isEqualTo("high");
        assertThat(r.chatTemplateKwargs()).containsEntry("k", List.of(1));
        assertThat(r.eosToken()).containsExactly(2L);
        assertThat(r.logitBias()).containsEntry("5", -1.5);
    }

    @Test
    void withValidationOffTheCapsOfTheTableStillHold() throws Exception {
        ChatRequest r = bind("\"n\":100000,\"top_logprobs\":99,\"min_tokens\":-5,\"top_k\":-3");
        assertThat(r.n()).isEqualTo(ChatRequest.MAX_N);
        assertThat(r.topLogprobs()).isEqualTo(ChatRequest.MAX_TOP_LOGPROBS);
        assertThat(r.minTokens()).isZero();
        assertThat(r.topK()).isZero();
        assertThat(bind("\"n\":0").n()).isEqualTo(1);
        assertThat(bind("\"temperature\":\"hot\",\"stream\":\"yes\"").temperature()).isEqualTo(1.0);
    }
}
