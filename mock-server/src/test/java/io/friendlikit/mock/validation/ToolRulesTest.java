package io.friendlikit.mock.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.friendlikit.mock.validation.Fixture.assertOnly;
import static io.friendlikit.mock.validation.Fixture.assertValid;
import static io.friendlikit.mock.validation.Fixture.body;
import static io.friendlikit.mock.validation.Fixture.openAiTolerant;

/** Spec §6 (tools, tool_choice), §4.1 rules 11 and 14, §4.2. */
class ToolRulesTest {

    static String tool(String name) {
        return "{\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"parameters\":{\"type\":\"object\"}}}";
    }

    private static String tools(String... items) {
        return "\"tools\":[" + String.join(",", items) + "]";
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "get_weather", "get-weather", "A9_-z",
            "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234"})
    void validFunctionNames(String name) {
        assertValid(body(tools(tool(name))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "get weather", "get.weather", "naïve",
            "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij12345"})
    void invalidFunctionNames(String name) {
        String shown = name.length() > 40 ? "a string of " + name.length() + " characters" : "'" + name + "'";
        assertOnly(body(tools(tool(name))), "tools[0].function.name",
                "tools[0].function.name must match ^[A-Za-z0-9_-]{1,64}$, got " + shown, "invalid_value",
                "TOOL-NAME");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"f\"|tools[0]|tools[0] must be an object, got string|invalid_type|TOOL-TYPE",
            "{\"function\":{\"name\":\"f\",\"parameters\":{}}}|tools[0].type|tools[0].type is required|"
                    + "missing_field|TOOL-TYPE",
            "{\"type\":\"web_search\",\"function\":{\"name\":\"f\",\"parameters\":{}}}|tools[0].type|"
                    + "tools[0].type must be 'function', got 'web_search'|unknown_enum|TOOL-TYPE",
            "{\"type\":\"function\"}|tools[0].function|tools[0].function is required|missing_field|TOOL-TYPE",
            "{\"type\":\"function\",\"function\":[]}|tools[0].function|tools[0].function must be an object, "
                    + "got array|invalid_type|TOOL-TYPE",
            "{\"type\":\"function\",\"function\":{\"parameters\":{}}}|tools[0].function.name|"
                    + "tools[0].function.name is required|missing_field|TOOL-NAME",
            "{\"type\":\"function\",\"function\":{\"name\":1,\"parameters\":{}}}|tools[0].function.name|"
                    + "tools[0].function.name must be a string, got number|invalid_type|TOOL-NAME",
            "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}|tools[0].function.parameters|"
                    + "tools[0].function.parameters is required|missing_field|TOOL-PARAMS",
            "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":null}}|tools[0].function.parameters|"
                    + "tools[0].function.parameters must not be null|null_not_allowed|TOOL-PARAMS",
            "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":\"{}\"}}|tools[0].function.parameters|"
                    + "tools[0].function.parameters must be an object, got string|invalid_type|TOOL-PARAMS",
            "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"description\":5,\"parameters\":{}}}|"
                    + "tools[0].function.description|tools[0].function.description must be a string, got number|"
                    + "invalid_type|VAL-TYPE",
            "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{},\"strict\":true}}|"
                    + "tools[0].function.strict|no such field: 'strict'|unknown_field|VAL-UNKNOWN-FIELD",
            "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{}},\"x\":1}|"
                    + "tools[0].x|no such field: 'x'|unknown_field|VAL-UNKNOWN-FIELD"})
    void toolItems(String item, String param, String message, String code, String rule) {
        assertOnly(body(tools(item)), param, message, code, rule);
    }

    @Test
    void descriptionMayBeNullAndStrictIsToleratedForOpenAiClients() {
        assertValid(body(tools("{\"type\":\"function\",\"function\":{\"name\":\"f\",\"description\":null,"
                + "\"parameters\":{}}}")));
        assertValid(body(tools("{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{},"
                + "\"strict\":true}}")), openAiTolerant());
    }

    @Test
    void atMost128Tools() {
        String[] max = new String[128];
        for (int i = 0; i < max.length; i++) {
            max[i] = tool("f" + i);
        }
        assertValid(body(tools(max)));
        String[] tooMany = new String[129];
        System.arraycopy(max, 0, tooMany, 0, 128);
        tooMany[128] = tool("f128");
        assertOnly(body(tools(tooMany)), "tools", "tools must contain at most 128 functions, got 129",
                "out_of_range", "TOOL-COUNT");
    }

    @Test
    void functionNamesAreUnique() {
        assertOnly(body(tools(tool("f"), tool("g"), tool("f"))), "tools[2].function.name",
                "tools[2].function.name 'f' is already declared by tools[0]", "invalid_value", "TOOL-DUPLICATE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"none\"", "\"auto\"", "\"required\"",
            "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}"})
    void toolChoiceWithDeclaredTools(String choice) {
        assertValid(body(tools(tool("f")) + ",\"tool_choice\":" + choice));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"function\":{\"name\":\"f\"}}|tool_choice.type|tool_choice.type is required|missing_field",
            "{\"type\":\"tool\",\"function\":{\"name\":\"f\"}}|tool_choice.type|"
                    + "tool_choice.type must be 'function', got 'tool'|unknown_enum",
            "{\"type\":\"function\"}|tool_choice.function|tool_choice.function is required|missing_field",
            "{\"type\":\"function\",\"function\":{}}|tool_choice.function.name|tool_choice.function.name is required|"
                    + "missing_field",
            "{\"type\":\"function\",\"function\":{\"name\":\"a b\"}}|tool_choice.function.name|"
                    + "tool_choice.function.name must match ^[A-Za-z0-9_-]{1,64}$, got 'a b'|invalid_value",
            "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"x\":1}}|tool_choice.function.x|"
                    + "no such field: 'x'|unknown_field"})
    void toolChoiceObjectFormat(String choice, String param, String message, String code) {
        String rule = code.equals("unknown_field") ? "VAL-UNKNOWN-FIELD" : "TOOLCHOICE-FORMAT";
        assertOnly(body(tools(tool("f")) + ",\"tool_choice\":" + choice), param, message, code, rule);
    }
}
