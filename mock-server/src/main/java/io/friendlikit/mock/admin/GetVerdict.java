package io.friendlikit.mock.admin;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.verdict.Check;
import io.friendlikit.mock.verdict.Grader;
import io.friendlikit.mock.verdict.Verdict;
import io.friendlikit.mock.verdict.VerdictPage;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /__admin/verdict} (JSON) and {@code GET /__admin/verdict.html} (the same, as a page): the client graded
 * from the journal — rules broken, features used, checks of its behaviour — optionally for one session
 * ({@code ?session=} or {@code X-Mock-Session}) and for the requests received since a time ({@code ?since=}, an
 * ISO-8601 instant or epoch milliseconds).
 */
public final class GetVerdict implements AdminTask {

    static final List<String> FILTERS = List.of("session", "since");

    private final boolean html;

    /** @param html answer the page instead of the JSON */
    public GetVerdict(boolean html) {
        this.html = html;
    }

    @Override
    public List<String> queryParameters() {
        return FILTERS;
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        String session = GetJournal.Filter.session(request.query(), request.session());
        Instant since = since(request.query().get("since"));
        List<Journal.Entry> graded = admin.journal().entries().stream()
                .filter(e -> session == null || session.equals(e.session()))
                .filter(e -> since == null || !e.receivedAt().isBefore(since))
                .toList();
        Verdict verdict = new Grader(Check.Limits.DEFAULT).grade(graded, admin.now());
        return html ? AdminAnswer.text(VerdictPage.CONTENT_TYPE, VerdictPage.render(verdict, session))
                : AdminAnswer.ok(verdict);
    }

    private static Instant since(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            return t.chars().allMatch(Character::isDigit) && !t.isEmpty() ? Instant.ofEpochMilli(Long.parseLong(t))
                    : Instant.parse(t);
        } catch (NumberFormatException | java.time.DateTimeException bad) {
            throw new AdminProblem(ApiError.badAdminRequest("since", "since: must be an ISO-8601 instant such as"
                    + " 2026-12-02T10:00:00Z or epoch milliseconds, got '" + text + "'"));
        }
    }
}
