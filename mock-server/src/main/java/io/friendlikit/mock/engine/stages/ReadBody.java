package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.errors.ApiError;

import java.util.Locale;

/** The body: within the size limit, declared as JSON (if declared at all), and parsing as JSON. */
final class ReadBody implements Stage {

    private final long maxBodyBytes;

    ReadBody(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public String name() {
        return "read body";
    }

    @Override
    public Verdict run(ExchangeState state) {
        if (state.exchange().bodyTooLarge()) {
            return Verdict.fail(ApiError.payloadTooLarge(maxBodyBytes));
        }
        String contentType = state.exchange().headers().get("content-type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return Verdict.fail(ApiError.unsupportedMediaType(contentType));
        }
        ExchangeState.ParsedBody body = state.body();
        if (body.error() != null) {
            return Verdict.fail(ApiError.malformedJson(body.error()));
        }
        if (body.json() == null) {
            return Verdict.fail(ApiError.malformedJson("the body is empty; expected a JSON object"));
        }
        state.stream = body.json().path("stream").asBoolean(false);
        state.modelId = body.json().path("model").isTextual() ? body.json().path("model").asText() : null;
        return Verdict.CONTINUE;
    }
}
