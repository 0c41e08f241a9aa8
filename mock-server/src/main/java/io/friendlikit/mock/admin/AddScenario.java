package io.friendlikit.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.generation.CannedReply;
import io.friendlikit.mock.script.CappedRegistry;
import io.friendlikit.mock.script.InvalidMember;
import io.friendlikit.mock.script.Scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code POST /__admin/scenarios}: scripts the answer to requests that match, globally or, with
 * {@code X-Mock-Session}, for that session's requests only.
 */
public final class AddScenario implements AdminTask {

    /**
     * The body. Its records take any combination of members so that Jackson reports unknown members first;
     * {@link #scenario()} then checks what is required.
     *
     * @param match which requests it answers; left out: every request
     * @param times how many requests it answers; left out: every matching one until removed
     */
    public record Request(Match match, Reply reply, Times times) implements AdminView {
        public Request {
            match = match == null ? new Match(null, null) : match;
        }

        /** @throws InvalidMember naming the required member that is missing (its path in the body) */
        Scenario scenario() {
            if (reply == null) {
                throw new InvalidMember("reply", "required: an object with 'content' and/or 'toolCalls'");
            }
            List<CannedReply.Call> calls = new ArrayList<>();
            for (int i = 0; i < reply.toolCalls().size(); i++) {
                Call call = reply.toolCalls().get(i);
                String at = "reply.toolCalls[" + i + "]";
                if (call == null) {
                    throw new InvalidMember(at, "must be an object with a 'name'");
                }
                if (call.name() == null || call.name().isEmpty()) {
                    throw new InvalidMember(at + ".name", "required: a non-empty string");
                }
                calls.add(new CannedReply.Call(call.name(), call.arguments()));
            }
            if (reply.content() == null && calls.isEmpty()) {
                throw new InvalidMember("reply.content", "required (a string) unless 'toolCalls' lists a call");
            }
            return new Scenario(match.contains(), match.model(), new CannedReply(reply.content(), calls));
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
            toolCalls = toolCalls == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(toolCalls));
        }

        static Reply of(CannedReply reply) {
            return new Reply(reply.content(), reply.toolCalls().stream()
                    .map(c -> new Call(c.name(), c.arguments())).toList());
        }
    }

    /** A scripted function call; {@code arguments} (any JSON, default {@code {}}) is sent compactly serialised. */
    public record Call(String name, JsonNode arguments) implements AdminView {
        public Call {
            arguments = arguments == null ? JsonNodeFactory.instance.objectNode() : arguments;
        }
    }

    /** @param session the session it was added to; absent: global */
    public record Answer(String id, String session) implements AdminView {
    }

    @Override
    public boolean takesBody() {
        return true;
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        Request body = request.body(Request.class);
        Scenario scenario;
        try {
            scenario = body.scenario();
        } catch (InvalidMember missing) {
            return new AdminAnswer.Refused(ApiError.badAdminRequest(missing.member(), missing.getMessage()));
        }
        try {
            CappedRegistry.Entry<Scenario> added = Scoped.scenariosToAdd(admin, request).add(scenario,
                    Times.of(body.times()));
            return AdminAnswer.created(new Answer(added.id(), request.session().orElse(null)));
        } catch (CappedRegistry.FullException full) {
            return new AdminAnswer.Refused(ApiError.badAdminRequest(null, full.getMessage()));
        }
    }
}
