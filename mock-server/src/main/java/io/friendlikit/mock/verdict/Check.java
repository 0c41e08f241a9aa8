package io.friendlikit.mock.verdict;

import io.friendlikit.mock.delivery.StreamEnd;
import io.friendlikit.mock.script.Journal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The behaviour checks of the verdict, one row each, judged over one client's requests in journal order (a client
 * is a bearer token, as masked in the journal, within a session). A check answers {@code null} when it saw
 * nothing to judge, else the situations it judged and those that failed.
 */
public record Check(String id, String question, Judge judge) {

    /** Judges one client's entries (oldest first); {@code now} is on the journal's clock. */
    @FunctionalInterface
    public interface Judge {
        Judged judge(List<Journal.Entry> client, Limits limits, Instant now);
    }

    /** How many situations a check judged, and the evidence of the failing ones. */
    public record Judged(int cases, List<Verdict.Evidence> failed) {
    }

    /**
     * The bounds the checks use.
     *
     * @param maxRetriesAfter5xx    retries after a server error, in a row, before a client should give up
     * @param maxRequestsAfterBreak requests a client may send in {@code breakWindowMs} after a stream that broke
     *                              (an error event, a malformed chunk, a dropped connection) before it is a storm
     * @param breakWindowMs         that window
     * @param maxStallWaitMs        how long a client may wait on an answer that stalled before it should give up
     *                              (a client without a timeout waits for ever)
     */
    public record Limits(int maxRetriesAfter5xx, int maxRequestsAfterBreak, long breakWindowMs,
                         long maxStallWaitMs) {
        public static final Limits DEFAULT = new Limits(5, 3, 10_000, 60_000);
    }

    public static final List<Check> TABLE = List.of(
            new Check("retry_after", "after an answer asking to wait (429 or 503 with Retry-After), did the client"
                    + " wait at least that long before its next request?", Check::retryAfter),
            new Check("backoff_after_5xx", "after server errors, did the client retry with growing gaps and give up"
                    + " within the bound?", Check::backoff),
            new Check("streams_read_to_end", "did the client read streams to their end instead of hanging up early?",
                    Check::streamsRead),
            new Check("calm_after_broken_stream", "after a stream broke (error event, malformed chunk, dropped"
                    + " connection), did the client stop cleanly instead of a retry storm?", Check::calmAfterBreak),
            new Check("timeout_after_stall", "after an answer stalled (headers, then silence), did the client give up"
                    + " within the bound instead of waiting for ever?", Check::timeoutAfterStall));

    private static Judged retryAfter(List<Journal.Entry> client, Limits limits, Instant now) {
        int cases = 0;
        List<Verdict.Evidence> failed = new ArrayList<>();
        for (int i = 0; i < client.size(); i++) {
            Journal.Entry asked = client.get(i);
            if (asked.retryAfterMs() == null) {
                continue;
            }
            cases++;
            if (i + 1 < client.size()) {
                Journal.Entry next = client.get(i + 1);
                long waited = Duration.between(asked.receivedAt(), next.receivedAt()).toMillis();
                if (waited < asked.retryAfterMs()) {
                    failed.add(new Verdict.Evidence(List.of(asked.id(), next.id()), "#" + asked.id() + " answered "
                            + asked.status() + " asking to wait " + asked.retryAfterMs() + " ms; the next request #"
                            + next.id() + " came " + waited + " ms later"));
                }
            }
        }
        return cases == 0 ? null : new Judged(cases, failed);
    }

    private static Judged backoff(List<Journal.Entry> client, Limits limits, Instant now) {
        int cases = 0;
        List<Verdict.Evidence> failed = new ArrayList<>();
        int i = 0;
        while (i < client.size()) {
            if (client.get(i).status() < 500) {
                i++;
                continue;
            }
            // a run of server errors: the requests from its first one up to (and with) the first that was not one
            int start = i;
            while (i < client.size() && client.get(i).status() >= 500) {
                i++;
            }
            int end = Math.min(i, client.size() - 1);
            List<Journal.Entry> run = client.subList(start, end + 1);
            int retries = run.size() - 1;
            if (retries == 0) {
                continue; // the client did not retry: nothing to judge
            }
            cases++;
            List<Long> ids = run.stream().map(Journal.Entry::id).toList();
            List<Long> gaps = new ArrayList<>();
            for (int k = 1; k < run.size(); k++) {
                gaps.add(Duration.between(run.get(k - 1).receivedAt(), run.get(k).receivedAt()).toMillis());
            }
            if (retries > limits.maxRetriesAfter5xx()) {
                failed.add(new Verdict.Evidence(ids, retries + " retries after the server error of #" + ids.get(0)
                        + ", more than " + limits.maxRetriesAfter5xx() + "; gaps " + gaps + " ms"));
                continue;
            }
            for (int k = 1; k < gaps.size(); k++) {
                if (gaps.get(k) < gaps.get(k - 1)) {
                    failed.add(new Verdict.Evidence(ids, "the gaps between retries shrank (" + gaps + " ms): no"
                            + " backoff after the server error of #" + ids.get(0)));
                    break;
                }
            }
        }
        return cases == 0 ? null : new Judged(cases, failed);
    }

    private static Judged streamsRead(List<Journal.Entry> client, Limits limits, Instant now) {
        int cases = 0;
        List<Verdict.Evidence> failed = new ArrayList<>();
        for (Journal.Entry e : client) {
            if (!e.stream() || e.status() != 200 || e.end() == null) {
                continue;
            }
            StreamEnd end = e.end();
            if (end.how() == StreamEnd.How.FAULT || end.how() == StreamEnd.How.BUSY || e.faults().contains("stall")) {
                continue; // the mock ended it, or stalled it (hanging up is then right): not the client's doing
            }
            cases++;
            if (end.how() == StreamEnd.How.CLIENT_GONE) {
                failed.add(new Verdict.Evidence(List.of(e.id()), "#" + e.id() + ": the client hung up after "
                        + end.chunks() + " chunks (" + end.bytes() + " bytes, " + end.durationMs() + " ms)"));
            }
        }
        return cases == 0 ? null : new Judged(cases, failed);
    }

    private static Judged calmAfterBreak(List<Journal.Entry> client, Limits limits, Instant now) {
        int cases = 0;
        List<Verdict.Evidence> failed = new ArrayList<>();
        for (int i = 0; i < client.size(); i++) {
            Journal.Entry broken = client.get(i);
            if (broken.end() == null || broken.end().how() != StreamEnd.How.FAULT || broken.faults().contains("stall")) {
                continue;
            }
            cases++;
            List<Long> after = new ArrayList<>();
            for (int k = i + 1; k < client.size(); k++) {
                if (Duration.between(broken.receivedAt(), client.get(k).receivedAt()).toMillis() > limits.breakWindowMs()) {
                    break;
                }
                after.add(client.get(k).id());
            }
            if (after.size() > limits.maxRequestsAfterBreak()) {
                List<Long> ids = new ArrayList<>(List.of(broken.id()));
                ids.addAll(after);
                failed.add(new Verdict.Evidence(ids, after.size() + " requests within " + limits.breakWindowMs()
                        + " ms after the stream of #" + broken.id() + " broke (" + broken.end().fault()
                        + "), more than " + limits.maxRequestsAfterBreak()));
            }
        }
        return cases == 0 ? null : new Judged(cases, failed);
    }

    /**
     * Stalled answers: one the client left within the bound passes; one it left later, or still waits on past the
     * bound (by the journal's clock), fails. One still open within the bound is not judged yet.
     */
    private static Judged timeoutAfterStall(List<Journal.Entry> client, Limits limits, Instant now) {
        int cases = 0;
        List<Verdict.Evidence> failed = new ArrayList<>();
        for (Journal.Entry e : client) {
            if (!e.faults().contains("stall")) {
                continue;
            }
            StreamEnd end = e.end();
            if (end == null) {
                long open = Duration.between(e.receivedAt(), now).toMillis();
                if (open <= limits.maxStallWaitMs()) {
                    continue;
                }
                cases++;
                failed.add(new Verdict.Evidence(List.of(e.id()), "#" + e.id() + " stalled and the client is still"
                        + " waiting after " + open + " ms, more than " + limits.maxStallWaitMs() + " ms"));
                continue;
            }
            cases++;
            if (end.durationMs() > limits.maxStallWaitMs()) {
                failed.add(new Verdict.Evidence(List.of(e.id()), "#" + e.id() + " stalled and the client gave up only"
                        + " after " + end.durationMs() + " ms, more than " + limits.maxStallWaitMs() + " ms"));
            }
        }
        return cases == 0 ? null : new Judged(cases, failed);
    }
}
