package io.friendlikit.mock.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.friendlikit.mock.validation.Fixture.assertOnly;
import static io.friendlikit.mock.validation.Fixture.assertValid;
import static io.friendlikit.mock.validation.Fixture.body;

/** Spec §4.1 rules 1 to 4 and 7, and the tool_choice rules of §4.2: one passing and one failing side each. */
class CrossFieldRulesTest {

    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\","
            + "\"parameters\":{\"type\":\"object\"}}}]";
    private static final String RF = "\"response_format\":{\"type\":\"json_object\"}";

    @ParameterizedTest(name = "passes: {0}")
    @ValueSource(strings = {
            // X-MINTOKENS-TOOLS
            "\"min_tokens\":0," + TOOLS, "\"min_tokens\":5,\"tools\":[]", "\"min_tokens\":5,\"tools\":null",
            "\"min_tokens\":null," + TOOLS,
            // X-MINTOKENS-RF
            "\"min_tokens\":0," + RF, "\"min_tokens\":5,\"response_format\":null",
            // X-TOOLS-RF
            "\"tools\":[]," + RF, TOOLS + ",\"response_format\":null",
            // X-STREAMOPTS
            "\"stream\":true,\"stream_options\":{\"include_usage\":true}", "\"stream\":false,\"stream_options\":null",
            "\"stream_options\":null",
            // X-TOPLOGPROBS
            "\"logprobs\":true,\"top_logprobs\":3", "\"logprobs\":false,\"top_logprobs\":null",
            // X-SEED-N
            "\"seed\":[1]", "\"n\":3,\"seed\":[1,2,3]", "\"n\":3,\"seed\":7", "\"n\":null,\"seed\":[1]",
            // TOOLCHOICE-NO-TOOLS / TOOLCHOICE-UNDECLARED
            "\"tool_choice\":\"auto\"", "\"tool_choice\":\"none\"", "\"tool_choice\":\"required\"," + TOOLS,
            "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}}," + TOOLS})
    void passes(String members) {
        assertValid(body(members));
    }

    @ParameterizedTest(name = "{2}: {0}")
    @CsvSource(delimiter = '|', value = {
            "\"min_tokens\":5," + TOOLS + "|min_tokens|X-MINTOKENS-TOOLS|"
                    + "min_tokens is not supported together with tools",
            "\"min_tokens\":1,\"response_format\":{\"type\":\"text\"}|min_tokens|X-MINTOKENS-RF|"
                    + "min_tokens is not supported together with response_format",
            TOOLS + "," + RF + "|response_format|X-TOOLS-RF|response_format is not supported together with tools",
            "\"stream_options\":{\"include_usage\":true}|stream_options|X-STREAMOPTS|"
                    + "stream_options is only allowed when stream is true",
            "\"stream\":false,\"stream_options\":{}|stream_options|X-STREAMOPTS|"
                    + "stream_options is only allowed when stream is true",
            "\"top_logprobs\":3|top_logprobs|X-TOPLOGPROBS|top_logprobs requires logprobs to be true",
            "\"logprobs\":false,\"top_logprobs\":0|top_logprobs|X-TOPLOGPROBS|top_logprobs requires logprobs to be true",
            "\"seed\":[1,2]|seed|X-SEED-N|seed has 2 entries but n is 1; a seed list needs one seed per choice",
            "\"n\":3,\"seed\":[1,2]|seed|X-SEED-N|seed has 2 entries but n is 3; a seed list needs one seed per choice",
            "\"tool_choice\":\"required\"|tool_choice|TOOLCHOICE-NO-TOOLS|"
                    + "tool_choice 'required' needs a non-empty tools list",
            "\"tool_choice\":\"required\",\"tools\":[]|tool_choice|TOOLCHOICE-NO-TOOLS|"
                    + "tool_choice 'required' needs a non-empty tools list",
            "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}}|tool_choice|TOOLCHOICE-NO-TOOLS|"
                    + "tool_choice naming a function needs a non-empty tools list",
            "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"g\"}}," + TOOLS
                    + "|tool_choice.function.name|TOOLCHOICE-UNDECLARED|"
                    + "tool_choice.function.name 'g' is not declared in tools"})
    void fails(String members, String param, String rule, String message) {
        String code = rule.equals("TOOLCHOICE-UNDECLARED") ? "invalid_value" : "conflicting_fields";
        assertOnly(body(members), param, message, code, rule);
    }

    @ParameterizedTest(name = "a wrongly typed field is reported once: {0}")
    @CsvSource(delimiter = '|', value = {
            "\"min_tokens\":\"5\"," + TOOLS + "|min_tokens",
            "\"stream_options\":\"yes\"|stream_options",
            "\"top_logprobs\":1.5,\"logprobs\":false|top_logprobs",
            "\"n\":0,\"seed\":[1,2]|n"})
    void typeErrorsDoNotCascadeIntoCrossFieldRules(String members, String param) {
        org.assertj.core.api.Assertions.assertThat(Fixture.validate(body(members)))
                .extracting(Violation::param).containsExactly(param);
    }
}
