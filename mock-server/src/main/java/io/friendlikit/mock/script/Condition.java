package io.friendlikit.mock.script;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.wire.ChatMessage;

import java.util.List;

/**
 * One test of a scenario's {@code match}; a scenario answers a request only when all of its conditions hold. The
 * set is closed: each variant is one matcher of mock-server/ADMIN-API.md ("Matchers").
 */
public sealed interface Condition {

    boolean test(RequestView request);

    /** The route family: serverless, dedicated or container. */
    record Route(String route) implements Condition {
        public boolean test(RequestView request) {
            return route.equals(request.route());
        }
    }

    /** The request path. */
    record Path(TextRule rule) implements Condition {
        public boolean test(RequestView request) {
            return rule.test(request.path());
        }
    }

    /** The model the request names (none on the container route: never matches). */
    record Model(TextRule rule) implements Condition {
        public boolean test(RequestView request) {
            return rule.test(request.request().model());
        }
    }

    /** A request header; {@code name} in lower case. */
    record Header(String name, TextRule rule) implements Condition {
        public boolean test(RequestView request) {
            return rule.test(request.headers().get(name));
        }
    }

    /** The text of the last user message. */
    record LastUserMessage(TextRule rule) implements Condition {
        public boolean test(RequestView request) {
            String last = null;
            for (ChatMessage m : request.request().messages()) {
                if ("user".equals(m.role())) {
                    last = m.text();
                }
            }
            return rule.test(last);
        }
    }

    /** Some message of {@code role} (null: any role) whose text passes. */
    record AnyMessage(String role, TextRule rule) implements Condition {
        public boolean test(RequestView request) {
            for (ChatMessage m : request.request().messages()) {
                if ((role == null || role.equals(m.role())) && rule.test(m.text())) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A JSON Pointer into the body: the value there equals {@code equals}, or is a string matching {@code rule},
     * or exists (or not, with {@code exists} false). Exactly one of the three is set.
     */
    record Pointer(JsonPointer pointer, JsonNode equals, TextRule rule, Boolean exists) implements Condition {
        public boolean test(RequestView request) {
            JsonNode at = request.body() == null ? null : request.body().at(pointer);
            boolean present = at != null && !at.isMissingNode();
            if (exists != null) {
                return present == exists;
            }
            if (!present) {
                return false;
            }
            if (equals != null) {
                return equals.equals(at);
            }
            return at.isTextual() ? rule.test(at.textValue()) : rule.test(at.toString());
        }
    }

    /** Whether the request declares tools. */
    record Tools(boolean present) implements Condition {
        public boolean test(RequestView request) {
            return !request.request().tools().isEmpty() == present;
        }
    }

    /** Whether the conversation holds a {@code tool} message (a tool result). */
    record ToolResult(boolean present) implements Condition {
        public boolean test(RequestView request) {
            return request.request().messages().stream().anyMatch(m -> "tool".equals(m.role())) == present;
        }
    }

    /** Some tool message answers a call whose id passes. */
    record ToolCallId(TextRule rule) implements Condition {
        public boolean test(RequestView request) {
            return request.request().messages().stream()
                    .anyMatch(m -> "tool".equals(m.role()) && rule.test(m.toolCallId()));
        }
    }

    /** The turn: how many user messages the conversation holds (1 for the first question). */
    record Turn(int userMessages) implements Condition {
        public boolean test(RequestView request) {
            return request.request().messages().stream().filter(m -> "user".equals(m.role())).count()
                    == userMessages;
        }
    }

    /** Whether the request asks for a stream. */
    record Stream(boolean stream) implements Condition {
        public boolean test(RequestView request) {
            return request.request().stream() == stream;
        }
    }

    /** Whether every condition holds (an empty list: always). */
    static boolean all(List<Condition> conditions, RequestView request) {
        for (Condition c : conditions) {
            if (!c.test(request)) {
                return false;
            }
        }
        return true;
    }
}
