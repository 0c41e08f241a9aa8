package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.validation.RuleId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every rule id of the {@code RequestValidator} table, through HTTP: one or more failing requests (422 with the
 * message, {@code error.param}, {@code error.code} and the rule id in {@code violations}) and the closest passing
 * request (200). Bodies are written with single quotes and turned into JSON by {@link #j(String)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationAcceptanceTest {

    private static final String REASONING_MODEL = "zai-org/GLM-5.2"; // accepts reasoning_effort high and max

    private static final String TOOL = "{'type':'function','function':{'name':'get_weather',"
            + "'parameters':{'type':'object','properties':{'city':{'type':'string'}}}}}";
    private static final String TOOLS = "'tools':[" + TOOL + "]";
    private static final String TOOL_CALL = "{'id':'call_1','type':'function',"
            + "'function':{'name':'get_weather','arguments':'{}'}}";
    private static final String USER = "{'role':'user','content':'Hello there'}";

    private TestServer strict;
    private TestServer lenient;

    @BeforeAll
    void start() {
        strict = new TestServer(MockServer.builder().seed(11));
        lenient = new TestServer(MockServer.builder().seed(11).strictUnknownFields(false));
    }

    @AfterAll
    void stop() {
        strict.close();
        lenient.close();
    }

    // ---------------------------------------------------------------- body helpers

    /** Single quotes to double quotes (no test body needs an apostrophe). */
    static String j(String text) {
        return text.replace('\'', '"');
    }

    /** The minimal valid body plus members written with single quotes. */
    static String body(String extra) {
        return TestServer.body(extra.isEmpty() ? "" : j(extra));
    }

    /** A body with the given messages (single-quoted JSON) and extra members. */
    static String messages(String messagesJson, String extra) {
        return j("{'model':'" + MODEL + "','messages':[" + messagesJson + "]" + (extra.isEmpty() ? "" : "," + extra)
                + "}");
    }

    /** A body for another model of the catalogue. */
    static String forModel(String model, String extra) {
        return j("{'model':'" + model + "','messages':[" + USER + "]," + extra + "}");
    }

    static String tools(int count) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add("{'type':'function','function':{'name':'fn_" + i + "','parameters':{'type':'object'}}}");
        }
        return "'tools':[" + String.join(",", items) + "]";
    }

    // ---------------------------------------------------------------- tables

    /** rule id, label, body, expected error.param, expected error.code, fragment of the message. */
    static Stream<Arguments> failing() {
        return Stream.of(
                // VAL-REQUIRED
                arguments(RuleId.VAL_REQUIRED.id(), "model missing",
                        j("{'messages':[" + USER + "]}"), "model", "missing_field", "model is required"),
                arguments(RuleId.VAL_REQUIRED.id(), "messages missing",
                        j("{'model':'" + MODEL + "'}"), "messages", "missing_field", "messages is required"),
                // VAL-TYPE
                arguments(RuleId.VAL_TYPE.id(), "temperature as string", body("'temperature':'hot'"),
                        "temperature", "invalid_type", "temperature must be a number, got string"),
                arguments(RuleId.VAL_TYPE.id(), "n not integral", body("'n':1.5"),
                        "n", "invalid_type", "n must be an integer, got 1.5"),
                arguments(RuleId.VAL_TYPE.id(), "stream as string", body("'stream':'true'"),
                        "stream", "invalid_type", "stream must be a boolean"),
                arguments(RuleId.VAL_TYPE.id(), "stop as bare string", body("'stop':'END'"),
                        "stop", "invalid_type", "stop must be an array of strings"),
                arguments(RuleId.VAL_TYPE.id(), "tool_choice as number", body(TOOLS + ",'tool_choice':1"),
                        "tool_choice", "invalid_type", "tool_choice must be a string or an object, got number"),
                arguments(RuleId.VAL_TYPE.id(), "body not an object", "[1,2]",
                        null, "invalid_type", "request body must be a JSON object, got array"),
                // VAL-NULL
                arguments(RuleId.VAL_NULL.id(), "tool_choice null", body("'tool_choice':null"),
                        "tool_choice", "null_not_allowed", "tool_choice must not be null"),
                arguments(RuleId.VAL_NULL.id(), "model null", j("{'model':null,'messages':[" + USER + "]}"),
                        "model", "null_not_allowed", "model must not be null"),
                arguments(RuleId.VAL_NULL.id(), "messages null", j("{'model':'" + MODEL + "','messages':null}"),
                        "messages", "null_not_allowed", "messages must not be null"),
                // VAL-RANGE (the boundaries of every ranged field are in rangeBoundaries())
                arguments(RuleId.VAL_RANGE.id(), "top_p zero", body("'top_p':0"),
                        "top_p", "out_of_range", "top_p must be in (0, 1], got 0"),
                arguments(RuleId.VAL_RANGE.id(), "empty seed list", body("'seed':[]"),
                        "seed", "invalid_value", "seed must contain at least one seed"),
                arguments(RuleId.VAL_RANGE.id(), "integer beyond 64 bits", body("'max_tokens':9223372036854775808"),
                        "max_tokens", "out_of_range", "max_tokens must be a 64-bit integer"),
                arguments(RuleId.VAL_RANGE.id(), "logit_bias value", body("'logit_bias':{'50256':101}"),
                        "logit_bias.50256", "out_of_range", "logit_bias.50256 must be in [-100, 100], got 101"),
                // VAL-ENUM
                arguments(RuleId.VAL_ENUM.id(), "reasoning_effort none", forModel(REASONING_MODEL, "'reasoning_effort':'none'"),
                        "reasoning_effort", "unknown_enum", "invalid JSON payload: unknown enum value: 'none'"),
                // X-REASONING-EFFORT
                arguments(RuleId.X_REASONING_EFFORT.id(), "effort not offered by the model",
                        forModel(REASONING_MODEL, "'reasoning_effort':'low'"),
                        "reasoning_effort", "unknown_enum", "invalid JSON payload: unknown enum value: 'low'"),
                arguments(RuleId.X_REASONING_EFFORT.id(), "effort on a model without efforts",
                        body("'reasoning_effort':'high'"),
                        "reasoning_effort", "unknown_enum", "invalid JSON payload: unknown enum value: 'high'"),
                // VAL-UNKNOWN-FIELD
                arguments(RuleId.VAL_UNKNOWN_FIELD.id(), "top-level user", body("'user':'u-1'"),
                        "user", "unknown_field", "no such field: 'user'"),
                arguments(RuleId.VAL_UNKNOWN_FIELD.id(), "inside a message",
                        messages("{'role':'user','content':'Hi','weight':1}", ""),
                        "messages[0].weight", "unknown_field", "no such field: 'weight'"),
                arguments(RuleId.VAL_UNKNOWN_FIELD.id(), "inside stream_options",
                        body("'stream':true,'stream_options':{'include_usage':true,'continuous_usage_stats':true}"),
                        "stream_options.continuous_usage_stats", "unknown_field",
                        "no such field: 'continuous_usage_stats'"),
                arguments(RuleId.VAL_UNKNOWN_FIELD.id(), "inside a tool",
                        body("'tools':[{'type':'function','function':{'name':'f','parameters':{}},'cache':true}]"),
                        "tools[0].cache", "unknown_field", "no such field: 'cache'"),
                // VAL-LOGIT-BIAS
                arguments(RuleId.VAL_LOGIT_BIAS.id(), "key not a token id", body("'logit_bias':{'hello':1}"),
                        "logit_bias.hello", "invalid_value", "logit_bias keys must be token ids"),
                arguments(RuleId.VAL_LOGIT_BIAS.id(), "key beyond int32", body("'logit_bias':{'2147483648':1}"),
                        "logit_bias.2147483648", "invalid_value", "got '2147483648'"),
                // VAL-MESSAGES
                arguments(RuleId.VAL_MESSAGES.id(), "empty messages", messages("", ""),
                        "messages", "invalid_value", "messages must contain at least one message"),
                // MSG-ROLE
                arguments(RuleId.MSG_ROLE.id(), "developer role", messages("{'role':'developer','content':'Be brief'}", ""),
                        "messages[0].role", "unknown_enum", "messages[0].role: unknown role 'developer'"),
                arguments(RuleId.MSG_ROLE.id(), "message is a string", messages("'Hello'", ""),
                        "messages[0]", "invalid_type", "messages[0] must be an object, got string"),
                arguments(RuleId.MSG_ROLE.id(), "role missing", messages("{'content':'Hi'}", ""),
                        "messages[0].role", "missing_field", "messages[0].role is required"),
                // MSG-CONTENT
                arguments(RuleId.MSG_CONTENT.id(), "user content missing", messages("{'role':'user'}", ""),
                        "messages[0].content", "missing_field", "messages[0].content is required"),
                arguments(RuleId.MSG_CONTENT.id(), "system content is a number",
                        messages("{'role':'system','content':5}," + USER, ""),
                        "messages[0].content", "invalid_type", "messages[0].content must be a string, got number"),
                arguments(RuleId.MSG_CONTENT.id(), "user content empty list", messages("{'role':'user','content':[]}", ""),
                        "messages[0].content", "invalid_value", "must contain at least one content part"),
                arguments(RuleId.MSG_CONTENT.id(), "OpenAI input_audio part",
                        messages("{'role':'user','content':[{'type':'input_audio','input_audio':{'data':'x'}}]}", ""),
                        "messages[0].content[0].type", "unknown_enum",
                        "must be one of text, image_url, audio_url, video_url, got 'input_audio'"),
                arguments(RuleId.MSG_CONTENT.id(), "image part without url",
                        messages("{'role':'user','content':[{'type':'image_url','image_url':{}}]}", ""),
                        "messages[0].content[0].image_url.url", "missing_field",
                        "messages[0].content[0].image_url.url is required"),
                // MSG-ASSISTANT
                arguments(RuleId.MSG_ASSISTANT.id(), "assistant without content or tool calls",
                        messages(USER + ",{'role':'assistant'}," + USER, ""),
                        "messages[1].content", "missing_field", "is required unless tool_calls is given"),
                arguments(RuleId.MSG_ASSISTANT.id(), "assistant content null, tool_calls empty",
                        messages(USER + ",{'role':'assistant','content':null,'tool_calls':[]}," + USER, ""),
                        "messages[1].content", "missing_field", "is required unless tool_calls is given"),
                arguments(RuleId.MSG_ASSISTANT.id(), "tool call of another type",
                        messages(USER + ",{'role':'assistant','tool_calls':[{'id':'c1','type':'retrieval',"
                                + "'function':{'name':'f','arguments':'{}'}}]}," + USER, ""),
                        "messages[1].tool_calls[0].type", "unknown_enum", "must be 'function', got 'retrieval'"),
                arguments(RuleId.MSG_ASSISTANT.id(), "tool call arguments as object",
                        messages(USER + ",{'role':'assistant','tool_calls':[{'id':'c1','type':'function',"
                                + "'function':{'name':'f','arguments':{}}}]}," + USER, ""),
                        "messages[1].tool_calls[0].function.arguments", "invalid_type",
                        "messages[1].tool_calls[0].function.arguments must be a string, got object"),
                // MSG-TOOL-ID
                arguments(RuleId.MSG_TOOL_ID.id(), "tool result without a call",
                        messages(USER + ",{'role':'tool','tool_call_id':'call_9','content':'sunny'}", ""),
                        "messages[1].tool_call_id", "invalid_value",
                        "messages[1].tool_call_id 'call_9' does not match the id of a tool call"),
                arguments(RuleId.MSG_TOOL_ID.id(), "tool_call_id missing",
                        messages(USER + ",{'role':'assistant','tool_calls':[" + TOOL_CALL + "]},"
                                + "{'role':'tool','content':'sunny'}", ""),
                        "messages[2].tool_call_id", "missing_field", "messages[2].tool_call_id is required"),
                arguments(RuleId.MSG_TOOL_ID.id(), "tool result before the call",
                        messages(USER + ",{'role':'tool','tool_call_id':'call_1','content':'sunny'},"
                                + "{'role':'assistant','tool_calls':[" + TOOL_CALL + "]}", ""),
                        "messages[1].tool_call_id", "invalid_value", "does not match"),
                // TOOL-TYPE
                arguments(RuleId.TOOL_TYPE.id(), "tool of another type",
                        body("'tools':[{'type':'web_search','function':{'name':'f','parameters':{}}}]"),
                        "tools[0].type", "unknown_enum", "tools[0].type must be 'function', got 'web_search'"),
                arguments(RuleId.TOOL_TYPE.id(), "tool without function", body("'tools':[{'type':'function'}]"),
                        "tools[0].function", "missing_field", "tools[0].function is required"),
                // TOOL-NAME
                arguments(RuleId.TOOL_NAME.id(), "name with a space",
                        body("'tools':[{'type':'function','function':{'name':'get weather','parameters':{}}}]"),
                        "tools[0].function.name", "invalid_value",
                        "tools[0].function.name must match ^[A-Za-z0-9_-]{1,64}$, got 'get weather'"),
                arguments(RuleId.TOOL_NAME.id(), "name of 65 characters",
                        body("'tools':[{'type':'function','function':{'name':'" + "a".repeat(65)
                                + "','parameters':{}}}]"),
                        "tools[0].function.name", "invalid_value", "must match ^[A-Za-z0-9_-]{1,64}$"),
                // TOOL-PARAMS
                arguments(RuleId.TOOL_PARAMS.id(), "parameters missing",
                        body("'tools':[{'type':'function','function':{'name':'f'}}]"),
                        "tools[0].function.parameters", "missing_field", "tools[0].function.parameters is required"),
                arguments(RuleId.TOOL_PARAMS.id(), "parameters as string",
                        body("'tools':[{'type':'function','function':{'name':'f','parameters':'{}'}}]"),
                        "tools[0].function.parameters", "invalid_type", "must be an object, got string"),
                // TOOL-COUNT
                arguments(RuleId.TOOL_COUNT.id(), "129 tools", body(tools(129)),
                        "tools", "out_of_range", "tools must contain at most 128 functions, got 129"),
                // TOOL-DUPLICATE
                arguments(RuleId.TOOL_DUPLICATE.id(), "same name twice", body("'tools':[" + TOOL + "," + TOOL + "]"),
                        "tools[1].function.name", "invalid_value",
                        "tools[1].function.name 'get_weather' is already declared by tools[0]"),
                // TOOLCHOICE-FORMAT
                arguments(RuleId.TOOLCHOICE_FORMAT.id(), "unknown mode", body(TOOLS + ",'tool_choice':'any'"),
                        "tool_choice", "unknown_enum",
                        "tool_choice must be one of none, auto, required or an object naming a function, got 'any'"),
                arguments(RuleId.TOOLCHOICE_FORMAT.id(), "object of another type",
                        body(TOOLS + ",'tool_choice':{'type':'tool','function':{'name':'get_weather'}}"),
                        "tool_choice.type", "unknown_enum", "tool_choice.type must be 'function', got 'tool'"),
                arguments(RuleId.TOOLCHOICE_FORMAT.id(), "invalid function name",
                        body(TOOLS + ",'tool_choice':{'type':'function','function':{'name':'get weather'}}"),
                        "tool_choice.function.name", "invalid_value", "must match ^[A-Za-z0-9_-]{1,64}$"),
                // TOOLCHOICE-UNDECLARED
                arguments(RuleId.TOOLCHOICE_UNDECLARED.id(), "names an undeclared function",
                        body(TOOLS + ",'tool_choice':{'type':'function','function':{'name':'get_time'}}"),
                        "tool_choice.function.name", "invalid_value",
                        "tool_choice.function.name 'get_time' is not declared in tools"),
                // TOOLCHOICE-NO-TOOLS
                arguments(RuleId.TOOLCHOICE_NO_TOOLS.id(), "required without tools", body("'tool_choice':'required'"),
                        "tool_choice", "conflicting_fields", "tool_choice 'required' needs a non-empty tools list"),
                arguments(RuleId.TOOLCHOICE_NO_TOOLS.id(), "named function with empty tools",
                        body("'tools':[],'tool_choice':{'type':'function','function':{'name':'get_weather'}}"),
                        "tool_choice", "conflicting_fields", "tool_choice naming a function needs a non-empty tools list"),
                // RF-TYPE
                arguments(RuleId.RF_TYPE.id(), "unknown type", body("'response_format':{'type':'xml'}"),
                        "response_format.type", "unknown_enum",
                        "response_format.type must be one of text, json_object, json_schema, regex, got 'xml'"),
                arguments(RuleId.RF_TYPE.id(), "type missing", body("'response_format':{}"),
                        "response_format.type", "missing_field", "response_format.type is required"),
                // RF-SCHEMA
                arguments(RuleId.RF_SCHEMA.id(), "json_schema missing", body("'response_format':{'type':'json_schema'}"),
                        "response_format.json_schema", "missing_field", "response_format.json_schema is required"),
                arguments(RuleId.RF_SCHEMA.id(), "schema as string",
                        body("'response_format':{'type':'json_schema','json_schema':{'schema':'{}'}}"),
                        "response_format.json_schema.schema", "invalid_type",
                        "response_format.json_schema.schema must be an object, got string"),
                arguments(RuleId.RF_SCHEMA.id(), "legacy json_object schema as object",
                        body("'response_format':{'type':'json_object','schema':{}}"),
                        "response_format.schema", "invalid_type", "response_format.schema must be a string, got object"),
                // RF-REGEX
                arguments(RuleId.RF_REGEX.id(), "anchors", body("'response_format':{'type':'regex','schema':'^[a-z]+$'}"),
                        "response_format.schema", "invalid_value", "response_format.schema must not use"),
                arguments(RuleId.RF_REGEX.id(), "does not compile", body("'response_format':{'type':'regex','schema':'[a-z'}"),
                        "response_format.schema", "invalid_value",
                        "response_format.schema is not a valid regular expression"),
                arguments(RuleId.RF_REGEX.id(), "schema missing", body("'response_format':{'type':'regex'}"),
                        "response_format.schema", "missing_field", "response_format.schema is required"),
                // X-MINTOKENS-TOOLS
                arguments(RuleId.X_MINTOKENS_TOOLS.id(), "min_tokens with tools", body("'min_tokens':1," + TOOLS),
                        "min_tokens", "conflicting_fields", "min_tokens is not supported together with tools"),
                // X-MINTOKENS-RF
                arguments(RuleId.X_MINTOKENS_RF.id(), "min_tokens with response_format",
                        body("'min_tokens':2,'response_format':{'type':'text'}"),
                        "min_tokens", "conflicting_fields", "min_tokens is not supported together with response_format"),
                // X-TOOLS-RF
                arguments(RuleId.X_TOOLS_RF.id(), "tools with response_format",
                        body(TOOLS + ",'response_format':{'type':'json_object'}"),
                        "response_format", "conflicting_fields", "response_format is not supported together with tools"),
                // X-STREAMOPTS
                arguments(RuleId.X_STREAMOPTS.id(), "stream_options without stream",
                        body("'stream_options':{'include_usage':true}"),
                        "stream_options", "conflicting_fields", "stream_options is only allowed when stream is true"),
                arguments(RuleId.X_STREAMOPTS.id(), "stream_options with stream false",
                        body("'stream':false,'stream_options':{'include_usage':true}"),
                        "stream_options", "conflicting_fields", "stream_options is only allowed when stream is true"),
                // X-TOPLOGPROBS
                arguments(RuleId.X_TOPLOGPROBS.id(), "top_logprobs without logprobs", body("'top_logprobs':2"),
                        "top_logprobs", "conflicting_fields", "top_logprobs requires logprobs to be true"),
                arguments(RuleId.X_TOPLOGPROBS.id(), "top_logprobs with logprobs false",
                        body("'logprobs':false,'top_logprobs':2"),
                        "top_logprobs", "conflicting_fields", "top_logprobs requires logprobs to be true"),
                // X-SEED-N
                arguments(RuleId.X_SEED_N.id(), "two seeds, n defaults to 1", body("'seed':[1,2]"),
                        "seed", "conflicting_fields", "seed has 2 entries but n is 1"),
                arguments(RuleId.X_SEED_N.id(), "two seeds, n 3", body("'seed':[1,2],'n':3"),
                        "seed", "conflicting_fields", "seed has 2 entries but n is 3"),
                // raised after validation: parsing, the model's context, the mock's own limits
                arguments(RuleId.VAL_JSON.id(), "body cut short", j("{'model':'" + MODEL + "','messages':["),
                        null, "invalid_json", "invalid JSON payload: "),
                arguments(RuleId.X_CONTEXT_LENGTH.id(), "max_tokens beyond the context", body("'max_tokens':100000000"),
                        "max_tokens", "context_length_exceeded", "must not exceed the model's context length"),
                arguments(RuleId.MOCK_LIMIT.id(), "n x min_tokens x alternatives",
                        body("'n':128,'min_tokens':8000,'logprobs':true,'top_logprobs':20"),
                        "n", "mock_limit_exceeded", "a limit of the mock"));
    }

    /** rule id, label, the closest body that passes. */
    static Stream<Arguments> passing() {
        return Stream.of(
                arguments(RuleId.VAL_REQUIRED.id(), "model and messages", body("")),
                arguments(RuleId.VAL_TYPE.id(), "integral 2.0 for an integer", body("'n':2.0")),
                arguments(RuleId.VAL_TYPE.id(), "right types", body("'temperature':0.5,'stream':false,'stop':['END']")),
                arguments(RuleId.VAL_NULL.id(), "optional fields null",
                        body("'temperature':null,'top_p':null,'stream':null,'tools':null,'response_format':null,"
                                + "'stream_options':null,'seed':null,'stop':null,'reasoning_effort':null")),
                arguments(RuleId.VAL_NULL.id(), "tool_choice given", body("'tool_choice':'auto'")),
                arguments(RuleId.VAL_RANGE.id(), "top_p one", body("'top_p':1")),
                arguments(RuleId.VAL_RANGE.id(), "seed list of one", body("'seed':[5]")),
                arguments(RuleId.VAL_RANGE.id(), "largest 64-bit seed", body("'seed':9223372036854775807")),
                arguments(RuleId.VAL_ENUM.id(), "effort offered by the model",
                        forModel(REASONING_MODEL, "'reasoning_effort':'high'")),
                arguments(RuleId.X_REASONING_EFFORT.id(), "other effort offered by the model",
                        forModel(REASONING_MODEL, "'reasoning_effort':'max'")),
                arguments(RuleId.VAL_UNKNOWN_FIELD.id(), "legacy timeout_microseconds is known",
                        body("'timeout_microseconds':60000000")),
                arguments(RuleId.VAL_UNKNOWN_FIELD.id(), "every documented member",
                        messages("{'role':'system','content':'Be brief','name':'sys'},"
                                + "{'role':'user','content':'Hi','name':'ann'}",
                                "'chat_template_kwargs':{'enable_thinking':false},'eos_token':[2],"
                                        + "'frequency_penalty':0,'presence_penalty':0,'repetition_penalty':1,"
                                        + "'logprobs':false,'max_tokens':16,'min_p':0,'n':1,"
                                        + "'parallel_tool_calls':true,'reasoning_budget':0,'seed':3,'stop':[],"
                                        + "'stream':false,'parse_reasoning':false,'include_reasoning':true,"
                                        + "'temperature':1,'top_k':0,'top_p':1,'xtc_threshold':0,"
                                        + "'xtc_probability':0,'min_tokens':0,'logit_bias':{'1':0}")),
                arguments(RuleId.VAL_UNKNOWN_FIELD.id(), "OpenAI json_schema members tolerated",
                        body("'response_format':{'type':'json_schema','json_schema':{'name':'dish','strict':true,"
                                + "'description':'a dish','schema':{'type':'object','properties':"
                                + "{'dish':{'type':'string'}},'required':['dish']}}}")),
                arguments(RuleId.VAL_LOGIT_BIAS.id(), "token ids at the ends",
                        body("'logit_bias':{'0':-100,'2147483647':100}")),
                arguments(RuleId.VAL_MESSAGES.id(), "one message", messages(USER, "")),
                arguments(RuleId.MSG_ROLE.id(), "all four roles",
                        messages("{'role':'system','content':'Be brief'}," + USER
                                + ",{'role':'assistant','tool_calls':[" + TOOL_CALL + "]},"
                                + "{'role':'tool','tool_call_id':'call_1','content':'sunny'}", TOOLS)),
                arguments(RuleId.MSG_CONTENT.id(), "content parts of every type",
                        messages("{'role':'user','content':[{'type':'text','text':'Look'},"
                                + "{'type':'image_url','image_url':{'url':'https://example.com/a.png'}},"
                                + "{'type':'audio_url','audio_url':{'url':'https://example.com/a.wav'}},"
                                + "{'type':'video_url','video_url':{'url':'https://example.com/a.mp4'}}]}", "")),
                arguments(RuleId.MSG_ASSISTANT.id(), "assistant with content",
                        messages(USER + ",{'role':'assistant','content':'Hi!','reasoning_content':'think'}," + USER, "")),
                arguments(RuleId.MSG_ASSISTANT.id(), "assistant content null with tool calls",
                        messages(USER + ",{'role':'assistant','content':null,'tool_calls':[" + TOOL_CALL + "]},"
                                + "{'role':'tool','tool_call_id':'call_1','content':'sunny'}", TOOLS)),
                arguments(RuleId.MSG_TOOL_ID.id(), "tool result answers the call",
                        messages(USER + ",{'role':'assistant','tool_calls':[" + TOOL_CALL + "]},"
                                + "{'role':'tool','tool_call_id':'call_1','name':'get_weather','content':'sunny'}", "")),
                arguments(RuleId.TOOL_TYPE.id(), "a function tool", body(TOOLS)),
                arguments(RuleId.TOOL_NAME.id(), "name of 64 characters with dash and underscore",
                        body("'tools':[{'type':'function','function':{'name':'" + "a".repeat(62)
                                + "-_','parameters':{}}}]")),
                arguments(RuleId.TOOL_PARAMS.id(), "parameters given, description null",
                        body("'tools':[{'type':'function','function':{'name':'f','description':null,"
                                + "'parameters':{'type':'object','properties':{}}}}]")),
                arguments(RuleId.TOOL_COUNT.id(), "128 tools", body(tools(128))),
                arguments(RuleId.TOOL_DUPLICATE.id(), "two distinct names",
                        body("'tools':[" + TOOL + "," + TOOL.replace("get_weather", "get_time") + "]")),
                arguments(RuleId.TOOLCHOICE_FORMAT.id(), "mode none", body(TOOLS + ",'tool_choice':'none'")),
                arguments(RuleId.TOOLCHOICE_FORMAT.id(), "mode none without tools", body("'tool_choice':'none'")),
                arguments(RuleId.TOOLCHOICE_UNDECLARED.id(), "names a declared function",
                        body(TOOLS + ",'tool_choice':{'type':'function','function':{'name':'get_weather'}}")),
                arguments(RuleId.TOOLCHOICE_NO_TOOLS.id(), "required with tools", body(TOOLS + ",'tool_choice':'required'")),
                arguments(RuleId.RF_TYPE.id(), "text", body("'response_format':{'type':'text'}")),
                arguments(RuleId.RF_SCHEMA.id(), "json_schema with an object schema",
                        body("'response_format':{'type':'json_schema','json_schema':{'schema':{'type':'object',"
                                + "'properties':{'dish':{'type':'string'}},'required':['dish']}}}")),
                arguments(RuleId.RF_SCHEMA.id(), "json_object with legacy string schema",
                        body("'response_format':{'type':'json_object','schema':'{}'}")),
                arguments(RuleId.RF_REGEX.id(), "regex without anchors", body("'response_format':{'type':'regex','schema':'[a-z]{3}'}")),
                arguments(RuleId.X_MINTOKENS_TOOLS.id(), "min_tokens 0 with tools", body("'min_tokens':0," + TOOLS)),
                arguments(RuleId.X_MINTOKENS_RF.id(), "min_tokens 0 with response_format",
                        body("'min_tokens':0,'response_format':{'type':'text'}")),
                arguments(RuleId.X_MINTOKENS_RF.id(), "min_tokens without response_format", body("'min_tokens':2")),
                arguments(RuleId.X_TOOLS_RF.id(), "tools with response_format null",
                        body(TOOLS + ",'response_format':null")),
                arguments(RuleId.X_TOOLS_RF.id(), "empty tools with response_format",
                        body("'tools':[],'response_format':{'type':'json_object'}")),
                arguments(RuleId.X_STREAMOPTS.id(), "stream_options with stream true",
                        body("'stream':true,'stream_options':{'include_usage':true}")),
                arguments(RuleId.X_STREAMOPTS.id(), "stream_options null without stream", body("'stream_options':null")),
                arguments(RuleId.X_TOPLOGPROBS.id(), "top_logprobs with logprobs", body("'logprobs':true,'top_logprobs':2")),
                arguments(RuleId.X_SEED_N.id(), "two seeds, n 2", body("'seed':[1,2],'n':2")),
                arguments(RuleId.VAL_JSON.id(), "a complete JSON object", body("")),
                arguments(RuleId.X_CONTEXT_LENGTH.id(), "max_tokens inside the context", body("'max_tokens':16")),
                arguments(RuleId.MOCK_LIMIT.id(), "a few choices with logprobs",
                        body("'n':4,'min_tokens':8,'logprobs':true,'top_logprobs':5")));
    }

    /** field, JSON value, other members needed, whether it is accepted. Both sides of every range. */
    static Stream<Arguments> rangeBoundaries() {
        String lp = "'logprobs':true";
        return Stream.of(
                arguments("top_p", "0", "", false), arguments("top_p", "0.001", "", true),
                arguments("top_p", "1", "", true), arguments("top_p", "1.001", "", false),
                arguments("frequency_penalty", "-2.001", "", false), arguments("frequency_penalty", "-2", "", true),
                arguments("frequency_penalty", "2", "", true), arguments("frequency_penalty", "2.001", "", false),
                arguments("presence_penalty", "-2.5", "", false), arguments("presence_penalty", "-2", "", true),
                arguments("presence_penalty", "2", "", true), arguments("presence_penalty", "3", "", false),
                arguments("min_p", "-0.001", "", false), arguments("min_p", "0", "", true),
                arguments("min_p", "1", "", true), arguments("min_p", "1.001", "", false),
                arguments("xtc_threshold", "-0.1", "", false), arguments("xtc_threshold", "0", "", true),
                arguments("xtc_threshold", "1", "", true), arguments("xtc_threshold", "1.1", "", false),
                arguments("xtc_probability", "-0.1", "", false), arguments("xtc_probability", "0", "", true),
                arguments("xtc_probability", "1", "", true), arguments("xtc_probability", "1.1", "", false),
                arguments("top_k", "-1", "", false), arguments("top_k", "0", "", true),
                arguments("repetition_penalty", "0", "", false), arguments("repetition_penalty", "0.001", "", true),
                arguments("temperature", "-0.001", "", false), arguments("temperature", "0", "", true),
                arguments("n", "0", "", false), arguments("n", "1", "", true),
                arguments("max_tokens", "0", "", false), arguments("max_tokens", "1", "", true),
                arguments("min_tokens", "-1", "", false), arguments("min_tokens", "0", "", true),
                arguments("top_logprobs", "-1", lp, false), arguments("top_logprobs", "0", lp, true),
                arguments("top_logprobs", "20", lp, true), arguments("top_logprobs", "21", lp, false),
                arguments("seed", "-1", "", false), arguments("seed", "0", "", true),
                arguments("reasoning_budget", "-2", "", false), arguments("reasoning_budget", "-1", "", true),
                arguments("timeout_microseconds", "0", "", false), arguments("timeout_microseconds", "1000000", "", true));
    }

    // ---------------------------------------------------------------- tests

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("failing")
    void ruleRejects(String rule, String label, String body, String param, String code, String fragment) {
        strict.authed().body(body).post(CHAT).then()
                .statusCode(422)
                .contentType("application/json")
                .body("message", containsString(fragment))
                .body("error.message", containsString(fragment))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo(param))
                .body("error.code", equalTo(code))
                .body("violations.rule", hasItem(rule))
                .body("violations[0].param", equalTo(param))
                .body("violations[0].code", equalTo(code));
        stillServes(strict);
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("passing")
    void ruleAccepts(String rule, String label, String body) {
        String answer = strict.authed().body(body).post(CHAT).then()
                .statusCode(200)
                .extract().asString();
        assertThat(answer).as("a 200 answer carries no error").doesNotContain("\"error\"");
    }

    @ParameterizedTest(name = "{0} = {1} -> accepted: {3}")
    @MethodSource("rangeBoundaries")
    void rangeBoundary(String field, String value, String extra, boolean accepted) {
        String members = "'" + field + "':" + value + (extra.isEmpty() ? "" : "," + extra);
        if (accepted) {
            strict.authed().body(body(members)).post(CHAT).then().statusCode(200)
                    .body("object", equalTo("chat.completion"));
        } else {
            strict.authed().body(body(members)).post(CHAT).then().statusCode(422)
                    .body("message", containsString(field + " must be "))
                    .body("message", containsString("got " + value))
                    .body("error.param", equalTo(field))
                    .body("error.code", equalTo("out_of_range"))
                    .body("violations.rule", hasItem(RuleId.VAL_RANGE.id()));
            stillServes(strict);
        }
    }

    @Test
    void arrayItemRangesNameTheItem() {
        strict.authed().body(body("'eos_token':[2,-1]")).post(CHAT).then().statusCode(422)
                .body("error.param", equalTo("eos_token[1]"))
                .body("error.code", equalTo("out_of_range"))
                .body("message", containsString("eos_token[1] must be >= 0, got -1"))
                .body("violations.rule", hasItem(RuleId.VAL_RANGE.id()));
        strict.authed().body(body("'seed':[0,-3],'n':2")).post(CHAT).then().statusCode(422)
                .body("error.param", equalTo("seed[1]"))
                .body("violations.rule", hasItem(RuleId.VAL_RANGE.id()));
        strict.authed().body(body("'eos_token':[0],'seed':[0,7],'n':2")).post(CHAT).then().statusCode(200);
        strict.authed().body(body("'logit_bias':{'7':-100.000001}")).post(CHAT).then().statusCode(422)
                .body("error.param", equalTo("logit_bias.7"))
                .body("violations.rule", hasItem(RuleId.VAL_RANGE.id()));
        strict.authed().body(body("'logit_bias':{'7':-100,'8':100}")).post(CHAT).then().statusCode(200);
    }

    @Test
    void severalViolationsAreAllListedAndCounted() {
        strict.authed().body(body("'top_p':0,'user':'u','tool_choice':null")).post(CHAT).then().statusCode(422)
                .body("message", containsString("top_p must be in (0, 1], got 0 (and 2 more: see violations)"))
                .body("error.param", equalTo("top_p"))
                .body("violations.size()", equalTo(3))
                .body("violations.rule", hasItem(RuleId.VAL_RANGE.id()))
                .body("violations.rule", hasItem(RuleId.VAL_UNKNOWN_FIELD.id()))
                .body("violations.rule", hasItem(RuleId.VAL_NULL.id()));
    }

    @Test
    void unknownFieldStrictIs422AndLenientIs200() {
        String withUser = body("'user':'u-1'");
        strict.authed().body(withUser).post(CHAT).then().statusCode(422)
                .body("message", equalTo("no such field: 'user'"))
                .body("error.param", equalTo("user"))
                .body("error.code", equalTo("unknown_field"))
                .body("violations.rule", hasItem(RuleId.VAL_UNKNOWN_FIELD.id()));
        lenient.authed().body(withUser).post(CHAT).then().statusCode(200)
                .body("object", equalTo("chat.completion"))
                .body("choices[0].message.content", notNullValue());
    }

    @Test
    void lenientServerIgnoresUnknownMembersAtEveryDepth() {
        String body = messages("{'role':'user','content':[{'type':'text','text':'Hi','cache_control':{}}],"
                        + "'weight':1}",
                "'user':'u','store':false,'metadata':{'a':'b'},'stream':true,"
                        + "'stream_options':{'include_usage':true,'continuous_usage_stats':true},"
                        + "'tools':[{'type':'function','function':{'name':'f','parameters':{},'x':1},'y':2}]");
        strict.authed().body(body).post(CHAT).then().statusCode(422)
                .body("violations.rule", hasItem(RuleId.VAL_UNKNOWN_FIELD.id()))
                .body("violations.code", everyItem(equalTo("unknown_field")));
        lenient.authed().body(body).post(CHAT).then().statusCode(200)
                .contentType(containsString("text/event-stream"));
    }

    @Test
    void lenientServerStillEnforcesTheOtherRules() {
        lenient.authed().body(body("'user':'u','top_p':0")).post(CHAT).then().statusCode(422)
                .body("error.param", equalTo("top_p"))
                .body("violations.size()", equalTo(1))
                .body("violations.rule", hasItem(RuleId.VAL_RANGE.id()));
    }

    @Test
    void everyRuleIdHasAFailingAndAPassingRow() {
        Set<String> ids = Arrays.stream(RuleId.values()).map(RuleId::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ids).hasSizeGreaterThanOrEqualTo(33);
        Set<String> failingIds = failing().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        Set<String> passingIds = passing().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertThat(failingIds).as("rule ids with a failing request").containsAll(ids);
        assertThat(passingIds).as("rule ids with a passing request").containsAll(ids);
    }

    @Test
    void serverKeepsServingAfterAStormOfBadRequests() {
        List<String> bodies = failing().map(a -> (String) a.get()[2]).toList();
        for (String b : bodies) {
            strict.authed().body(b).post(CHAT).then().statusCode(422);
        }
        strict.authed().body("{").post(CHAT).then().statusCode(422).body("error.code", equalTo("invalid_json"));
        stillServes(strict);
    }

    private static void stillServes(TestServer server) {
        server.authed().body(body("")).post(CHAT).then().statusCode(200)
                .body("object", equalTo("chat.completion"));
    }
}
