package io.friendlikit.mock.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelInfo;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared helpers: contexts, a minimal valid body, and assertions on whole violations. */
final class Fixture {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final RequestValidator VALIDATOR = new RequestValidator();

    /** The smallest valid serverless body; {@link #body(String)} appends members to it. */
    static final String MINIMAL = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private Fixture() {
    }

    static ValidationContext strict() {
        return new ValidationContext(ValidationContext.Flavour.SERVERLESS, true, null, false);
    }

    static ValidationContext lenient() {
        return new ValidationContext(ValidationContext.Flavour.SERVERLESS, false, null, false);
    }

    static ValidationContext flavour(ValidationContext.Flavour flavour) {
        return new ValidationContext(flavour, true, null, false);
    }

    static ValidationContext openAiTolerant() {
        return new ValidationContext(ValidationContext.Flavour.SERVERLESS, true, null, true);
    }

    static ValidationContext withModel(String... efforts) {
        ModelInfo model = new ModelInfo("zai-org/GLM-5.2", "GLM 5.2", 131072, 16384, true, List.of(efforts),
                true, false, true, true, true, 1735722153L, "test model");
        return new ValidationContext(ValidationContext.Flavour.SERVERLESS, true, model, false);
    }

    /** The minimal body with extra top-level members, e.g. {@code body("\"top_p\": 0")}. */
    static String body(String extraMembers) {
        if (extraMembers == null || extraMembers.isBlank()) {
            return MINIMAL;
        }
        return MINIMAL.substring(0, MINIMAL.length() - 1) + "," + extraMembers + "}";
    }

    /** A body with the given messages array (JSON text) and extra members. */
    static String withMessages(String messagesJson, String extraMembers) {
        String base = "{\"model\":\"m\",\"messages\":" + messagesJson;
        return base + (extraMembers == null || extraMembers.isBlank() ? "" : "," + extraMembers) + "}";
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + json, e);
        }
    }

    static List<Violation> validate(String json) {
        return validate(json, strict());
    }

    static List<Violation> validate(String json, ValidationContext ctx) {
        return VALIDATOR.validate(parse(json), ctx);
    }

    static void assertValid(String json) {
        assertValid(json, strict());
    }

    static void assertValid(String json, ValidationContext ctx) {
        assertThat(validate(json, ctx)).as("violations of %s", json).isEmpty();
    }

    static void assertOnly(String json, String param, String message, String code, String rule) {
        assertOnly(json, strict(), param, message, code, rule);
    }

    static void assertOnly(String json, ValidationContext ctx, String param, String message, String code,
                           String rule) {
        assertThat(validate(json, ctx)).as("violations of %s", json)
                .extracting(Violation::param, Violation::message, Violation::code, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(param, message, code, rule));
    }
}
