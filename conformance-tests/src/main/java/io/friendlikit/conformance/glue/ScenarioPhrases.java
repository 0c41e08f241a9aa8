package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.conformance.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the conditions of a mock-scenario step ({@code the last user message matches "(?i)weather" and the
 * request declares tools}) into the {@code match} object of the mock's admin API. One phrase per matcher; phrases
 * are joined by {@code and} and all must hold.
 */
final class ScenarioPhrases {

    private record Phrase(Pattern pattern, BiConsumer<ObjectNode, Matcher> apply) {
    }

    private static final String Q = "\"([^\"]*)\"";

    private static final List<Phrase> PHRASES = List.of(
            phrase("the last user message contains " + Q, (m, g) -> m.putObject("lastUserMessage").put("contains", g.group(1))),
            phrase("the last user message matches " + Q, (m, g) -> m.putObject("lastUserMessage").put("regex", g.group(1))),
            phrase("the system message contains " + Q, (m, g) -> m.putObject("systemMessage").put("contains", g.group(1))),
            phrase("an? (system|user|assistant|tool) message contains " + Q, (m, g) -> messages(m).addObject()
                    .put("role", g.group(1)).put("contains", g.group(2))),
            phrase("the model is " + Q, (m, g) -> m.put("model", g.group(1))),
            phrase("the model matches " + Q, (m, g) -> m.putObject("model").put("regex", g.group(1))),
            phrase("the header " + Q + " is " + Q, (m, g) -> headers(m).put(g.group(1), g.group(2))),
            phrase("the header " + Q + " matches " + Q, (m, g) -> headers(m).putObject(g.group(1)).put("regex", g.group(2))),
            phrase("the body at " + Q + " is (.+)", (m, g) -> body(m).addObject().put("pointer", g.group(1))
                    .set("equals", Json.parse(g.group(2)))),
            phrase("the body has " + Q, (m, g) -> body(m).addObject().put("pointer", g.group(1)).put("exists", true)),
            phrase("the body lacks " + Q, (m, g) -> body(m).addObject().put("pointer", g.group(1)).put("exists", false)),
            phrase("the request declares tools", (m, g) -> m.put("tools", true)),
            phrase("the request declares no tools", (m, g) -> m.put("tools", false)),
            phrase("the conversation holds a tool result", (m, g) -> m.put("toolResult", true)),
            phrase("the conversation holds no tool result", (m, g) -> m.put("toolResult", false)),
            phrase("a tool result answers the call " + Q, (m, g) -> m.put("toolCallId", g.group(1))),
            phrase("the conversation has (\\d+) user messages?", (m, g) -> m.put("turn", Integer.parseInt(g.group(1)))),
            phrase("the request is streamed", (m, g) -> m.put("stream", true)),
            phrase("the request is not streamed", (m, g) -> m.put("stream", false)),
            phrase("the route is (serverless|dedicated|container)", (m, g) -> m.put("route", g.group(1))));

    private ScenarioPhrases() {
    }

    private static Phrase phrase(String regex, BiConsumer<ObjectNode, Matcher> apply) {
        return new Phrase(Pattern.compile(regex), apply);
    }

    /** The phrases a step understands, for the error message of one it does not. */
    static List<String> known() {
        return PHRASES.stream().map(p -> p.pattern().pattern().replace(Q, "\"…\"")).toList();
    }

    /** The match object for {@code conditions}, e.g. {@code the model is "m" and the request declares tools}. */
    static ObjectNode match(String conditions) {
        ObjectNode match = Json.MAPPER.createObjectNode();
        for (String part : split(conditions)) {
            boolean understood = false;
            for (Phrase p : PHRASES) {
                Matcher m = p.pattern().matcher(part.trim());
                if (m.matches()) {
                    p.apply().accept(match, m);
                    understood = true;
                    break;
                }
            }
            if (!understood) {
                throw new IllegalArgumentException("unknown mock condition '" + part.trim() + "'; known: "
                        + String.join("; ", known()));
            }
        }
        return match;
    }

    /** Splits at " and " outside double quotes. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && text.startsWith(" and ", i)) {
                parts.add(text.substring(start, i));
                start = i + 5;
                i += 4;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static ArrayNode messages(ObjectNode match) {
        return match.has("messages") ? (ArrayNode) match.get("messages") : match.putArray("messages");
    }

    private static ArrayNode body(ObjectNode match) {
        return match.has("body") ? (ArrayNode) match.get("body") : match.putArray("body");
    }

    private static ObjectNode headers(ObjectNode match) {
        return match.has("headers") ? (ObjectNode) match.get("headers") : match.putObject("headers");
    }

    /** A JSON value as written in a step, e.g. {@code 0} or {@code {"a": 1}}. */
    static JsonNode value(String text) {
        return Json.parse(text);
    }
}
