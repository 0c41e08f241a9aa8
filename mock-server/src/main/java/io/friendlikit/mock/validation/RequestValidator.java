package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** PLACEHOLDER until the validation branch lands: checks only that the body is an object with messages. */
public final class RequestValidator {

    public List<Violation> validate(JsonNode body, ValidationContext ctx) {
        List<Violation> out = new ArrayList<>();
        if (body == null || !body.isObject()) {
            out.add(new Violation(null, "the body must be a JSON object", Violation.Codes.INVALID_TYPE, "VAL-TYPE"));
        } else if (!body.has("messages")) {
            out.add(new Violation("messages", "messages is required", Violation.Codes.MISSING_FIELD,
                    "VAL-REQUIRED"));
        }
        return out;
    }
}
