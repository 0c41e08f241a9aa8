package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.delivery.Delivery;
import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.StreamPlan;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.recording.Recording;
import io.friendlikit.mock.recording.Redaction;
import io.friendlikit.mock.recording.ReplayIndex;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replay: when recordings are loaded and one matches the request, its answer is the exchange's answer as recorded
 * (status, the recorded headers, the plain body byte for byte, or the stream event by event), with the recorded
 * timing divided by the replay speed; no later stage runs. It comes after the body is read (it matches on the body)
 * and before validation, so a recorded error answer replays as recorded. A request no recording matches goes on to
 * the emulator, or — when misses are 404 — is answered 404 naming the closest recording.
 */
final class Replay implements Stage {

    private final ReplayIndex index;
    private final double speed;
    private final boolean missIs404;

    /**
     * @param speed     1 as recorded, 2 twice as fast, 0 without delays
     * @param missIs404 true: an unmatched request is a 404; false: the emulator answers it
     */
    Replay(ReplayIndex index, double speed, boolean missIs404) {
        this.index = index;
        this.speed = speed;
        this.missIs404 = missIs404;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public Verdict run(ExchangeState state) {
        if (index.isEmpty() || state.scenarioId != null) {
            return Verdict.CONTINUE; // a request naming its scenario (X-Mock-Scenario) gets that scenario
        }
        String path = state.exchange().path();
        JsonNode body = matchable(state);
        ReplayIndex.Lookup found = index.lookup(path, body);
        if (found.answer() == null) {
            if (!missIs404) {
                return Verdict.CONTINUE;
            }
            ReplayIndex.NearMiss near = found.closest();
            return Verdict.fail(ApiError.noRecording(near == null ? null : near.file(),
                    near == null ? List.of() : near.differs(), index.members()));
        }
        state.answer = outcome(found.answer().recording().response());
        return Verdict.ANSWERED;
    }

    /**
     * The body as a recording would hold it: a recorder replaced the client's token wherever it appeared, so the
     * same is done here before comparing.
     */
    private static JsonNode matchable(ExchangeState state) {
        String token = Redaction.bearerToken(state.exchange().headers().get("authorization"));
        if (token == null || token.length() < Redaction.MIN_SECRET_LENGTH) {
            return state.body().json();
        }
        String text = new String(state.exchange().body(), StandardCharsets.UTF_8);
        if (!text.contains(token)) {
            return state.body().json();
        }
        JsonNode scrubbed = Recording.jsonOrNull(Redaction.scrub(text, token).getBytes(StandardCharsets.UTF_8));
        return scrubbed == null ? state.body().json() : scrubbed;
    }

    private Outcome outcome(Recording.Response response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.remove("content-type");
        if (!response.streamed()) {
            String type = response.contentType() == null ? "application/json" : response.contentType();
            return new Outcome.Raw(response.status(), type, response.bodyBytes(), headers,
                    Pacing.after(scaled(response.atMs())));
        }
        List<Recording.Event> events = response.events();
        long[] due = new long[events.size()];
        for (int i = 0; i < due.length; i++) {
            due[i] = scaled(events.get(i).atMs());
        }
        Pacing.Schedule schedule = i -> due.length == 0 ? 0 : due[Math.min(i, due.length - 1)];
        StreamPlan plan = new StreamPlan(events.stream().map(Recording.Event::data).toList(), response.done(),
                List.of(), null, null, null, schedule);
        return new Outcome.Stream(plan, Pacing.after(due.length == 0 ? scaled(response.atMs()) : due[0]),
                new Delivery(headers, null, 0, 0));
    }

    private long scaled(long ms) {
        return speed == 0 ? 0 : Math.round(ms / speed);
    }
}
