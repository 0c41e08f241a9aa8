package io.friendlikit.mock.admin;

import io.friendlikit.mock.script.RateLimits;

/**
 * {@code PUT /__admin/limits}: puts new request and token limits in force for every bearer token, in place of
 * both (a member left out, null or 0 switches that limit off). What each token used so far is forgotten, so the
 * new limits start from a fresh minute. Answers the limits in force, as {@link GetLimits}.
 */
public final class SetLimits implements AdminTask {

    /** The body; a limit out of range is refused naming its member ({@link RateLimits.Limits}). */
    public record Body(Integer requestsPerMinute, Long tokensPerMinute) implements AdminView {

        RateLimits.Limits limits() {
            return new RateLimits.Limits(requestsPerMinute == null ? 0 : requestsPerMinute,
                    tokensPerMinute == null ? 0 : tokensPerMinute);
        }
    }

    @Override
    public boolean takesBody() {
        return true;
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        RateLimits.Limits limits;
        try {
            limits = request.body(Body.class).limits();
        } catch (io.friendlikit.mock.script.InvalidMember bad) {
            throw new AdminProblem(io.friendlikit.mock.errors.ApiError.badAdminRequest(bad.member(),
                    bad.getMessage()));
        }
        admin.rateLimits().set(limits);
        return AdminAnswer.ok(GetLimits.Answer.of(admin.rateLimits()));
    }
}
