package io.friendlikit.mock.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.friendlikit.mock.script.RateLimits;

/** {@code GET /__admin/limits}: the request and token limits per minute and bearer token in force. */
public final class GetLimits implements AdminTask {

    /**
     * The limits in force, each null when off, and those of the start settings ({@code atStart}, what a reset puts
     * back). Nulls are written, so that "no limit" reads as such.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Answer(Long requestsPerMinute, Long tokensPerMinute, Limits atStart) implements AdminView {

        static Answer of(RateLimits limits) {
            Limits now = Limits.of(limits.current());
            return new Answer(now.requestsPerMinute(), now.tokensPerMinute(), Limits.of(limits.atStart()));
        }
    }

    /** One pair of limits, each null when off. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Limits(Long requestsPerMinute, Long tokensPerMinute) implements AdminView {

        static Limits of(RateLimits.Limits limits) {
            return new Limits(orNull(limits.requestsPerMinute()), orNull(limits.tokensPerMinute()));
        }

        private static Long orNull(long perMinute) {
            return perMinute > 0 ? perMinute : null;
        }
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        return AdminAnswer.ok(Answer.of(admin.rateLimits()));
    }
}
