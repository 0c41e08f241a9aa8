package io.friendlikit.mock.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.delivery.StreamEnd;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.InvalidMember;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.Sessions;
import io.friendlikit.mock.validation.Violation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /__admin/journal}: the recorded exchanges, oldest first, optionally filtered by {@code ?status=422},
 * {@code ?path=/serverless/v1/chat/completions}, {@code ?session=<name>} (also implied by {@code X-Mock-Session})
 * and {@code ?last=10} (the newest ten of those left).
 */
public final class GetJournal implements AdminTask {

    static final List<String> FILTERS = List.of("status", "path", "session", "last");

    public record Answer(List<Entry> entries) implements AdminView {
    }

    /**
     * One exchange; {@code body} is written even when null (then {@code rawBody} holds the text). {@code session},
     * {@code end} and {@code durationMs} are absent without a session and while the answer is being delivered.
     */
    public record Entry(long id, String receivedAt, String method, String path, int status, String error,
                        boolean stream, String session, Map<String, String> headers,
                        @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode body, String rawBody,
                        List<Violation> violations, List<String> faults, End end, Long durationMs)
            implements AdminView {

        static Entry of(Journal.Entry e) {
            StreamEnd end = e.end();
            return new Entry(e.id(), e.receivedAt().toString(), e.method(), e.path(), e.status(), e.error(),
                    e.stream(), e.session(), new TreeMap<>(e.headers()), e.body(), e.rawBody(), e.violations(),
                    e.faults(), end == null ? null : new End(end.how().label(), end.chunks(), end.bytes(), end.fault()),
                    end == null ? null : end.durationMs());
        }
    }

    /**
     * How the answer ended for the client.
     *
     * @param how    {@code completed}, {@code client_gone} (hung up after {@code chunks} chunks / {@code bytes}
     *               bytes), {@code fault} (the stream ended as {@code fault} planned it) or {@code busy}
     * @param chunks chunks of a stream written by then (0 for a plain answer)
     * @param bytes  bytes of the body written by then
     */
    public record End(String how, long chunks, long bytes, String fault) implements AdminView {
    }

    /** The filters of the query; null: not filtered on. */
    record Filter(Integer status, String path, String session, Integer last) {

        static Filter of(Map<String, String> query, Optional<String> headerSession) {
            String session = session(query, headerSession);
            return new Filter(integer(query, "status", 100, 599, "an HTTP status"), query.get("path"),
                    session,
                    integer(query, "last", 0, Integer.MAX_VALUE, "a non-negative integer"));
        }

        /**
         * The session a read is for: {@code ?session=} or the {@code X-Mock-Session} header (the same name if both),
         * or null for every request. Shared by the admin reads that filter the journal by session.
         */
        static String session(Map<String, String> query, Optional<String> headerSession) {
            String session = query.get("session");
            if (session == null) {
                return headerSession.orElse(null);
            }
            try {
                Sessions.checkName(session);
            } catch (InvalidMember bad) {
                throw new AdminProblem(ApiError.badAdminRequest("session", "session: " + bad.rule()));
            }
            if (headerSession.isPresent() && !headerSession.get().equals(session)) {
                throw new AdminProblem(ApiError.badAdminRequest("session", "session: the query names '"
                        + session + "' but " + Sessions.HEADER + " names '" + headerSession.get()
                        + "'; give one, or the same in both"));
            }
            return session;
        }

        boolean keeps(Journal.Entry e) {
            return (status == null || status == e.status()) && (path == null || path.equals(e.path()))
                    && (session == null || session.equals(e.session()));
        }

        private static Integer integer(Map<String, String> query, String name, int min, int max, String what) {
            String text = query.get(name);
            if (text == null) {
                return null;
            }
            try {
                int value = Integer.parseInt(text.trim());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException notAnInteger) {
                // refused below
            }
            throw new AdminProblem(ApiError.badAdminRequest(name, name + ": must be " + what + " (an integer in ["
                    + min + ", " + max + "]), got '" + text + "'"));
        }
    }

    @Override
    public List<String> queryParameters() {
        return FILTERS;
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        Filter filter = Filter.of(request.query(), request.session());
        List<Journal.Entry> kept = admin.journal().entries().stream().filter(filter::keeps).toList();
        if (filter.last() != null) {
            kept = kept.subList(Math.max(0, kept.size() - filter.last()), kept.size());
        }
        return AdminAnswer.ok(new Answer(kept.stream().map(Entry::of).toList()));
    }
}
