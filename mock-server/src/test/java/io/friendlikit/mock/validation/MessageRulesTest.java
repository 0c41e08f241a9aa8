package io.friendlikit.mock.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.friendlikit.mock.validation.Fixture.assertOnly;
import static io.friendlikit.mock.validation.Fixture.assertValid;
import static io.friendlikit.mock.validation.Fixture.lenient;
import static io.friendlikit.mock.validation.Fixture.validate;
import static io.friendlikit.mock.validation.Fixture.withMessages;
import static org.assertj.core.api.Assertions.assertThat;

/** Spec §5 (messages per role) and the message rules of §4.1 rule 10 and §4.2. */
class MessageRulesTest {


    private static void only(String messages, String param, String message, String code, String rule) {
        assertOnly(withMessages(messages, null), param, message, code, rule);
    }

    private static void valid(String messages) {
        assertValid(withMessages(messages, null));
    }

    @Test
    void messagesIsRequiredNotNullAnArrayAndNotEmpty() {
        assertOnly("{\"model\":\"m\"}", "messages", "messages is required", "missing_field", "VAL-REQUIRED");
        only("null", "messages", "messages must not be null", "null_not_allowed", "VAL-NULL");
        only("{}", "messages", "messages must be an array, got object", "invalid_type", "VAL-TYPE");
        only("[]", "messages", "messages must contain at least one message", "invalid_value", "VAL-MESSAGES");
    }

    @Test
    void eachMessageIsAnObjectWithAKnownRole() {
        only("[\"hi\"]", "messages[0]", "messages[0] must be an object, got string", "invalid_type", "MSG-ROLE");
        only("[{\"content\":\"hi\"}]", "messages[0].role", "messages[0].role is required", "missing_field",
                "MSG-ROLE");
        only("[{\"role\":null,\"content\":\"hi\"}]", "messages[0].role", "messages[0].role must not be null",
                "null_not_allowed", "MSG-ROLE");
        only("[{\"role\":1,\"content\":\"hi\"}]", "messages[0].role", "messages[0].role must be a string, got number",
                "invalid_type", "MSG-ROLE");
        only("[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"developer\",\"content\":\"hi\"}]",
                "messages[1].role", "messages[1].role: unknown role 'developer'", "unknown_enum", "MSG-ROLE");
        only("[{\"role\":\"function\",\"content\":\"hi\"}]", "messages[0].role",
                "messages[0].role: unknown role 'function'", "unknown_enum", "MSG-ROLE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "user", "assistant"})
    void stringContentWithANameIsValid(String role) {
        valid("[{\"role\":\"" + role + "\",\"content\":\"hello\",\"name\":\"bob\"},{\"role\":\"user\",\"content\":\"x\"}]");
        valid("[{\"role\":\"" + role + "\",\"content\":\"hello\",\"name\":null}]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "user", "assistant", "tool"})
    void nameMustBeAString(String role) {
        String extra = role.equals("tool") ? ",\"tool_call_id\":\"c1\"" : "";
        String prefix = role.equals("tool")
                ? "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}," : "";
        int i = role.equals("tool") ? 1 : 0;
        only("[" + prefix + "{\"role\":\"" + role + "\",\"content\":\"x\",\"name\":7" + extra + "}]",
                "messages[" + i + "].name", "messages[" + i + "].name must be a string, got number", "invalid_type",
                "VAL-TYPE");
    }

    @Test
    void systemContentIsARequiredString() {
        only("[{\"role\":\"system\"}]", "messages[0].content", "messages[0].content is required", "missing_field",
                "MSG-CONTENT");
        only("[{\"role\":\"system\",\"content\":null}]", "messages[0].content",
                "messages[0].content must not be null", "null_not_allowed", "MSG-CONTENT");
        only("[{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}]", "messages[0].content",
                "messages[0].content must be a string, got array", "invalid_type", "MSG-CONTENT");
    }

    @Test
    void userContentIsAStringOrANonEmptyArrayOfParts() {
        valid("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"what is this?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}},"
                + "{\"type\":\"audio_url\",\"audio_url\":{\"url\":\"data:audio/wav;base64,AAAA\"}},"
                + "{\"type\":\"video_url\",\"video_url\":{\"url\":\"https://x/v.mp4\"}}]}]");
        only("[{\"role\":\"user\"}]", "messages[0].content", "messages[0].content is required", "missing_field",
                "MSG-CONTENT");
        only("[{\"role\":\"user\",\"content\":null}]", "messages[0].content", "messages[0].content must not be null",
                "null_not_allowed", "MSG-CONTENT");
        only("[{\"role\":\"user\",\"content\":[]}]", "messages[0].content",
                "messages[0].content must contain at least one content part", "invalid_value", "MSG-CONTENT");
        only("[{\"role\":\"user\",\"content\":{\"type\":\"text\"}}]", "messages[0].content",
                "messages[0].content must be a string or an array of content parts, got object", "invalid_type",
                "MSG-CONTENT");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"x\"|messages[0].content[0]|messages[0].content[0] must be an object, got string|invalid_type",
            "{\"text\":\"x\"}|messages[0].content[0].type|messages[0].content[0].type is required|missing_field",
            "{\"type\":\"input_audio\",\"input_audio\":{}}|messages[0].content[0].type|"
                    + "messages[0].content[0].type must be one of text, image_url, audio_url, video_url, "
                    + "got 'input_audio'|unknown_enum",
            "{\"type\":\"text\"}|messages[0].content[0].text|messages[0].content[0].text is required|missing_field",
            "{\"type\":\"text\",\"text\":5}|messages[0].content[0].text|"
                    + "messages[0].content[0].text must be a string, got number|invalid_type",
            "{\"type\":\"image_url\"}|messages[0].content[0].image_url|"
                    + "messages[0].content[0].image_url is required|missing_field",
            "{\"type\":\"image_url\",\"image_url\":\"https://x\"}|messages[0].content[0].image_url|"
                    + "messages[0].content[0].image_url must be an object, got string|invalid_type",
            "{\"type\":\"image_url\",\"image_url\":{}}|messages[0].content[0].image_url.url|"
                    + "messages[0].content[0].image_url.url is required|missing_field",
            "{\"type\":\"audio_url\",\"audio_url\":{\"url\":null}}|messages[0].content[0].audio_url.url|"
                    + "messages[0].content[0].audio_url.url must not be null|null_not_allowed",
            "{\"type\":\"video_url\",\"video_url\":{\"url\":1}}|messages[0].content[0].video_url.url|"
                    + "messages[0].content[0].video_url.url must be a string, got number|invalid_type",
            "{\"type\":\"image_url\",\"image_url\":{\"url\":\"u\",\"detail\":\"low\"}}|"
                    + "messages[0].content[0].image_url.detail|no such field: 'detail'|unknown_field",
            "{\"type\":\"text\",\"text\":\"x\",\"image_url\":{}}|messages[0].content[0].image_url|"
                    + "no such field: 'image_url'|unknown_field"})
    void contentParts(String part, String param, String message, String code) {
        String rule = code.equals("unknown_field") ? "VAL-UNKNOWN-FIELD" : "MSG-CONTENT";
        only("[{\"role\":\"user\",\"content\":[" + part + "]}]", param, message, code, rule);
    }

    @Test
    void assistantContentIsRequiredUnlessToolCallsAreGiven() {
        valid("[{\"role\":\"assistant\",\"content\":\"ok\"}]");
        valid("[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}]");
        valid("[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}]");
        valid("[{\"role\":\"assistant\",\"content\":\"x\",\"reasoning_content\":\"r\",\"reasoning\":null}]");
        only("[{\"role\":\"assistant\"}]", "messages[0].content",
                "messages[0].content is required unless tool_calls is given", "missing_field", "MSG-ASSISTANT");
        only("[{\"role\":\"assistant\",\"content\":null}]", "messages[0].content",
                "messages[0].content is required unless tool_calls is given", "missing_field", "MSG-ASSISTANT");
        only("[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[]}]", "messages[0].content",
                "messages[0].content is required unless tool_calls is given", "missing_field", "MSG-ASSISTANT");
        only("[{\"role\":\"assistant\",\"content\":[]}]", "messages[0].content",
                "messages[0].content must be a string, got array", "invalid_type", "MSG-ASSISTANT");
        only("[{\"role\":\"assistant\",\"content\":\"x\",\"reasoning_content\":1}]",
                "messages[0].reasoning_content", "messages[0].reasoning_content must be a string, got number",
                "invalid_type", "VAL-TYPE");
        only("[{\"role\":\"user\",\"content\":\"x\",\"reasoning_content\":\"r\"}]",
                "messages[0].reasoning_content", "no such field: 'reasoning_content'", "unknown_field",
                "VAL-UNKNOWN-FIELD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"x\"|messages[0].tool_calls[0]|messages[0].tool_calls[0] must be an object, got string|invalid_type",
            "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}|messages[0].tool_calls[0].id|"
                    + "messages[0].tool_calls[0].id is required|missing_field",
            "{\"id\":1,\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}|"
                    + "messages[0].tool_calls[0].id|messages[0].tool_calls[0].id must be a string, got number|"
                    + "invalid_type",
            "{\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}|messages[0].tool_calls[0].type|"
                    + "messages[0].tool_calls[0].type is required|missing_field",
            "{\"id\":\"c\",\"type\":\"code\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}|"
                    + "messages[0].tool_calls[0].type|messages[0].tool_calls[0].type must be 'function', "
                    + "got 'code'|unknown_enum",
            "{\"id\":\"c\",\"type\":\"function\"}|messages[0].tool_calls[0].function|"
                    + "messages[0].tool_calls[0].function is required|missing_field",
            "{\"id\":\"c\",\"type\":\"function\",\"function\":{\"arguments\":\"{}\"}}|"
                    + "messages[0].tool_calls[0].function.name|messages[0].tool_calls[0].function.name is required|"
                    + "missing_field",
            "{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":{}}}|"
                    + "messages[0].tool_calls[0].function.arguments|"
                    + "messages[0].tool_calls[0].function.arguments must be a string, got object|invalid_type"})
    void toolCallItems(String call, String param, String message, String code) {
        only("[{\"role\":\"assistant\",\"content\":\"x\",\"tool_calls\":[" + call + "]}]", param, message, code,
                "MSG-ASSISTANT");
    }

    private static final String CALL = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
            + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}";

    @Test
    void toolMessageNeedsStringContentAndAMatchingToolCallId() {
        valid("[{\"role\":\"user\",\"content\":\"q\"}," + CALL
                + ",{\"role\":\"tool\",\"content\":\"42\",\"tool_call_id\":\"call_1\",\"name\":\"f\"}]");
        only("[" + CALL + ",{\"role\":\"tool\",\"tool_call_id\":\"call_1\"}]", "messages[1].content",
                "messages[1].content is required", "missing_field", "MSG-CONTENT");
        only("[" + CALL + ",{\"role\":\"tool\",\"content\":{},\"tool_call_id\":\"call_1\"}]", "messages[1].content",
                "messages[1].content must be a string, got object", "invalid_type", "MSG-CONTENT");
        only("[" + CALL + ",{\"role\":\"tool\",\"content\":\"42\"}]", "messages[1].tool_call_id",
                "messages[1].tool_call_id is required", "missing_field", "MSG-TOOL-ID");
        only("[" + CALL + ",{\"role\":\"tool\",\"content\":\"42\",\"tool_call_id\":5}]", "messages[1].tool_call_id",
                "messages[1].tool_call_id must be a string, got number", "invalid_type", "MSG-TOOL-ID");
        only("[" + CALL + ",{\"role\":\"tool\",\"content\":\"42\",\"tool_call_id\":\"call_2\"}]",
                "messages[1].tool_call_id",
                "messages[1].tool_call_id 'call_2' does not match the id of a tool call in an earlier assistant message",
                "invalid_value", "MSG-TOOL-ID");
    }

    @Test
    void aToolResultBeforeTheCallDoesNotMatch() {
        only("[{\"role\":\"tool\",\"content\":\"42\",\"tool_call_id\":\"call_1\"}," + CALL + "]",
                "messages[0].tool_call_id",
                "messages[0].tool_call_id 'call_1' does not match the id of a tool call in an earlier assistant message",
                "invalid_value", "MSG-TOOL-ID");
    }

    @Test
    void unknownMessageMembersAreRejectedWhenStrictAndIgnoredWhenLenient() {
        String json = withMessages("[{\"role\":\"user\",\"content\":\"x\",\"foo\":1}]", null);
        assertOnly(json, "messages[0].foo", "no such field: 'foo'", "unknown_field", "VAL-UNKNOWN-FIELD");
        assertValid(json, lenient());
        only("[{\"role\":\"system\",\"content\":\"x\",\"tool_call_id\":\"c\"}]", "messages[0].tool_call_id",
                "no such field: 'tool_call_id'", "unknown_field", "VAL-UNKNOWN-FIELD");
    }

    @Test
    void everyMessageIsReportedInOrder() {
        assertThat(validate(withMessages("[{\"role\":\"system\"},{\"role\":\"x\"},{\"role\":\"user\",\"content\":1}]",
                null))).extracting(Violation::param)
                .containsExactly("messages[0].content", "messages[1].role", "messages[2].content");
    }
}
