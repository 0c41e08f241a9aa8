package io.friendlikit.mock.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.validation.Violation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /__admin/journal}: the recorded exchanges, oldest first, optionally filtered by {@code ?status=422},
 * {@code ?path=/serverless/v1/chat/completions} and {@code ?last=10} (the newest ten of those left).
 */
public final class GetJournal implements AdminTask {

    static final List<String> FILTERS = List.of("status", "path", "last");

    public record Answer(List<Entry> entries) implements AdminView {
    }

    /** One exchange; {@code body} is written even when null (then {@code rawBody} holds the text). */
    public record Entry(long id, String receivedAt, String method, String path, int status, String error,
                        boolean stream, Map<String, String> headers,
                        @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode body, String rawBody,
                        List<Violation> violations, List<String> faults) implements AdminView {

        static Entry of(Journal.Entry e) {
            return new Entry(e.id(), e.receivedAt().toString(), e.method(), e.path(), e.status(), e.error(),
                    e.stream(), new TreeMap<>(e.headers()), e.body(), e.rawBody(), e.violations(), e.faults());
        }
    }

    /** The filters of the query; null: not filtered on. */
    record Filter(Integer status, String path, Integer last) {

        static Filter of(Map<String, String> query) {
            return new Filter(integer(query, "status", 100, 599, "an HTTP status"), query.get("path"),
                    integer(query, "last", 0, Integer.MAX_VALUE, "a non-negative integer"));
        }

        boolean keeps(Journal.Entry e) {
            return (status == null || status == e.status()) && (path == null || path.equals(e.path()));
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
        Filter filter = Filter.of(request.query());
        List<Journal.Entry> kept = admin.journal().entries().stream().filter(filter::keeps).toList();
        if (filter.last() != null) {
            kept = kept.subList(Math.max(0, kept.size() - filter.last()), kept.size());
        }
        return AdminAnswer.ok(new Answer(kept.stream().map(Entry::of).toList()));
    }
}
