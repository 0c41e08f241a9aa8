package io.friendlikit.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.generation.CannedReply;
import io.friendlikit.mock.script.CappedRegistry;
import io.friendlikit.mock.script.InvalidMember;
import io.friendlikit.mock.script.Scenario;

import java.util.List;
import java.util.Objects;

/** {@code POST /__admin/scenarios}: scripts the answer to requests that match. */
public final class AddScenario implements AdminTask {

    /**
     * The body.
     *
     * @param match which requests it answers; left out: every request
     * @param times how many requests it answers; left out: every matching one until removed
     */
    public record Request(Match match, Reply reply, Times times) implements AdminView {
        public Request {
            if (reply == null) {
                throw new InvalidMember("reply", "required: an object with 'content' and/or 'toolCalls'");
            }
            match = match == null ? new Match(null, null) : match;
        }

        Scenario scenario() {
            return new Scenario(match.contains(), match.model(), reply.canned());
        }
    }

    /**
     * @param contains text the last user message must contain (case-insensitive); left out: any
     * @param model    model the request must name; left out: any
     */
    public record Match(String contains, String model) implements AdminView {
    }

    /** The scripted answer: text, tool calls, or both. */
    public record Reply(String content, List<Call> toolCalls) implements AdminView {
        public Reply {
            toolCalls = toolCalls == null ? List.of() : toolCalls;
            if (toolCalls.stream().anyMatch(Objects::isNull)) {
                throw new InvalidMember("toolCalls", "each element must be an object with a 'name'");
            }
            toolCalls = List.copyOf(toolCalls);
            if (content == null && toolCalls.isEmpty()) {
                throw new InvalidMember("content", "required (a string) unless 'toolCalls' lists a call");
            }
        }

        CannedReply canned() {
            return new CannedReply(content, toolCalls.stream()
                    .map(c -> new CannedReply.Call(c.name(), c.arguments())).toList());
        }

        static Reply of(CannedReply reply) {
            return new Reply(reply.content(), reply.toolCalls().stream()
                    .map(c -> new Call(c.name(), c.arguments())).toList());
        }
    }

    /** A scripted function call; {@code arguments} (any JSON, default {@code {}}) is sent compactly serialised. */
    public record Call(String name, JsonNode arguments) implements AdminView {
        public Call {
            if (name == null || name.isEmpty()) {
                throw new InvalidMember("name", "required: a non-empty string");
            }
            arguments = arguments == null ? JsonNodeFactory.instance.objectNode() : arguments;
        }
    }

    public record Answer(String id) implements AdminView {
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        Request body = request.body(Request.class);
        try {
            CappedRegistry.Entry<Scenario> added = admin.scenarios().add(body.scenario(), Times.of(body.times()));
            return AdminAnswer.created(new Answer(added.id()));
        } catch (CappedRegistry.FullException full) {
            return new AdminAnswer.Refused(ApiError.badAdminRequest(null, full.getMessage()));
        }
    }
}
