package io.friendlikit.mock.generation;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.ResponseFormat;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class StructuredOutputTest {

    private final Generator generator = new Generator(5);

    private ChoiceOutput one(ChatRequest request) {
        return generator.generate(request, Requests.PLAIN).choices().get(0);
    }

    @Test
    void jsonObjectModeGivesASmallObject() {
        for (long seed = 0; seed < 20; seed++) {
            ChoiceOutput out = one(Requests.chat("Give JSON").seed(seed)
                    .responseFormat(new ResponseFormat(ResponseFormat.Type.JSON_OBJECT, null, null)).build());
            JsonNode node = Requests.json(out.contentText());
            assertThat(node.isObject()).isTrue();
            assertThat(node.size()).isBetween(2, 4);
            assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(out.completionTokens()).isEqualTo(Tokenizer.count(out.contentText()));
        }
    }

    static final String[] SCHEMAS = {
        "{\"type\":\"object\",\"properties\":{\"dish\":{\"type\":\"string\"}},\"required\":[\"dish\"]}",
        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\",\"format\":\"uuid\"},"
                + "\"at\":{\"type\":\"string\",\"format\":\"date-time\"},\"day\":{\"type\":\"string\",\"format\":\"date\"},"
                + "\"time\":{\"type\":\"string\",\"format\":\"time\"},\"mail\":{\"type\":\"string\",\"format\":\"email\"},"
                + "\"site\":{\"type\":\"string\",\"format\":\"uri\"}},"
                + "\"required\":[\"id\",\"at\",\"day\",\"time\",\"mail\",\"site\"],\"additionalProperties\":false}",
        "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"exclusiveMinimum\":3,\"exclusiveMaximum\":5},"
                + "\"x\":{\"type\":\"number\",\"minimum\":-1.5,\"maximum\":-1.25},\"m\":{\"type\":\"integer\",\"multipleOf\":7,"
                + "\"minimum\":10},\"s\":{\"type\":\"string\",\"minLength\":30,\"maxLength\":31},"
                + "\"code\":{\"type\":\"string\",\"pattern\":\"^[a-f0-9]{8}-x$\"}},\"required\":[\"n\",\"x\",\"m\",\"s\",\"code\"]}",
        "{\"$defs\":{\"point\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"},\"y\":{\"type\":\"number\"}},"
                + "\"required\":[\"x\",\"y\"]}},\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"array\","
                + "\"items\":{\"$ref\":\"#/$defs/point\"},\"minItems\":1},\"kind\":{\"const\":\"line\"},"
                + "\"color\":{\"enum\":[\"red\",null,3,true]}},\"required\":[\"path\",\"kind\",\"color\"]}",
        "{\"definitions\":{\"leaf\":{\"type\":[\"string\",\"null\"]}},\"type\":\"object\",\"properties\":{"
                + "\"v\":{\"anyOf\":[{\"type\":\"integer\",\"minimum\":100},{\"type\":\"boolean\"},{\"$ref\":\"#/definitions/leaf\"}]},"
                + "\"w\":{\"oneOf\":[{\"type\":\"null\"},{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"maxItems\":2}]},"
                + "\"z\":{\"allOf\":[{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]},"
                + "{\"properties\":{\"b\":{\"type\":\"boolean\"}},\"required\":[\"b\"]}]}},\"required\":[\"v\",\"w\",\"z\"]}",
        "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"tags\":{\"type\":\"array\",\"items\":"
                + "{\"type\":\"string\",\"maxLength\":3},\"minItems\":2,\"maxItems\":4,\"uniqueItems\":true}},"
                + "\"required\":[\"tags\"]},\"minItems\":0,\"maxItems\":3}",
        "{\"type\":\"object\",\"properties\":{\"node\":{\"$ref\":\"#/$defs/node\"}},\"required\":[\"node\"],"
                + "\"$defs\":{\"node\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/node\"}}},\"required\":[\"name\"]}}}",
        "{\"type\":\"object\",\"properties\":{\"unsupported\":{\"type\":\"string\",\"not\":{\"const\":\"\"},"
                + "\"title\":\"t\",\"$comment\":\"c\",\"description\":\"d\"}},\"required\":[\"unsupported\"]}",
    };

    @Test
    void jsonSchemaOutputValidates() {
        for (String schema : SCHEMAS) {
            for (long seed = 0; seed < 40; seed++) {
                ChoiceOutput out = one(Requests.chat("Answer in JSON").seed(seed).jsonSchema(schema).build());
                assertThat(SchemaCheck.errors(schema, out.contentText())).as("%s -> %s", schema, out.contentText())
                        .isEmpty();
                assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
                assertThat(out.completionTokens()).isEqualTo(Tokenizer.count(out.contentText()));
            }
        }
    }

    @Test
    void jsonSchemaOutputIsCompactAndDeterministic() {
        ChatRequest request = Requests.chat("JSON").jsonSchema(SCHEMAS[3]).build();
        ChoiceOutput a = one(request);
        assertThat(a).isEqualTo(one(request));
        assertThat(a.contentText()).doesNotContain(": ", ", ").startsWith("{\"path\":[");
    }

    @Test
    void structuredOutputCutByMaxTokensEndsWithLength() {
        ChoiceOutput out = one(Requests.chat("JSON").seed(1).jsonSchema(SCHEMAS[1]).maxTokens(7).build());
        assertThat(out.content()).hasSize(7);
        assertThat(out.finishReason()).isEqualTo(FinishReason.LENGTH);
        ChoiceOutput regex = one(Requests.chat("code").seed(1).regex("[a-z]{40}-[0-9]{3}").maxTokens(1).build());
        assertThat(regex.content()).hasSize(1);
        assertThat(regex.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void regexOutputFullyMatches() {
        String[] patterns = {
            "[A-Z]{3}-[0-9]{4}", "(yes|no|maybe)", "\\d{1,3}(\\.\\d{1,3}){3}", "[a-z]+@[a-z]+\\.(com|org)",
            "\\w{5,10}\\s\\w+", "(ab)*c?[xyz]{2}", "[^a-z]{4}", "colou?r: (red|green|blue)",
        };
        for (String pattern : patterns) {
            Pattern compiled = Pattern.compile(pattern);
            for (long seed = 0; seed < 25; seed++) {
                ChoiceOutput out = one(Requests.chat("code").seed(seed).regex(pattern).build());
                assertThat(compiled.matcher(out.contentText()).matches())
                        .as("%s vs %s", out.contentText(), pattern).isTrue();
                assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
            }
        }
    }

    @Test
    void regexDrawsDependOnTheSeed() {
        String a = one(Requests.chat("code").seed(1).regex("[a-z]{12}").build()).contentText();
        String b = one(Requests.chat("code").seed(2).regex("[a-z]{12}").build()).contentText();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void textFormatIsPlainText() {
        ChoiceOutput text = one(Requests.chat("hi").seed(1)
                .responseFormat(new ResponseFormat(ResponseFormat.Type.TEXT, null, null)).build());
        assertThat(text.contentText()).isEqualTo(one(Requests.chat("hi").seed(1).build()).contentText());
    }

    @Test
    void unusableRegexGivesEmptyText() {
        ChoiceOutput out = one(Requests.chat("code").seed(1).regex("[").build());
        assertThat(out.contentText()).isEmpty();
    }
}
