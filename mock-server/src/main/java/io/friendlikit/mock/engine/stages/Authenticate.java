package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.validation.ValidationContext;

import java.util.Map;

/**
 * A bearer token (non-empty, without blank or control characters, and one of the accepted tokens when the mock has
 * a list) and, when the mock has a list of teams, a known {@code X-Friendli-Team}. The container flavour takes no
 * auth.
 */
final class Authenticate implements Stage {

    private static final String HOW = "send 'Authorization: Bearer <token>'";

    private final MockConfig config;

    Authenticate(MockConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "authenticate";
    }

    @Override
    public Verdict run(ExchangeState state) {
        if (state.exchange().flavour() == ValidationContext.Flavour.CONTAINER) {
            return Verdict.CONTINUE;
        }
        Map<String, String> headers = state.exchange().headers();
        String auth = headers.get("authorization");
        if (auth == null) {
            return Verdict.fail(ApiError.unauthorized("missing Authorization header; " + HOW));
        }
        String trimmed = auth.trim();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            return Verdict.fail(ApiError.unauthorized(
                    "Authorization scheme must be Bearer, got '" + scheme + "'; " + HOW));
        }
        String token = space < 0 ? "" : trimmed.substring(space + 1).trim();
        if (token.isEmpty()) {
            return Verdict.fail(ApiError.unauthorized("the bearer token is empty; " + HOW));
        }
        if (token.chars().anyMatch(Authenticate::blankOrControl)) {
            return Verdict.fail(ApiError.unauthorized(
                    "the bearer token must not contain spaces, other blank or control characters; " + HOW));
        }
        if (!config.tokens().isEmpty() && !config.tokens().contains(token)) {
            return Verdict.fail(ApiError.unauthorized("invalid token: it is not one of the mock's accepted tokens"));
        }
        String team = headers.get("x-friendli-team");
        if (team != null && !config.teams().isEmpty() && !config.teams().contains(team)) {
            return Verdict.fail(ApiError.forbiddenTeam(team));
        }
        return Verdict.CONTINUE;
    }

    /** Any kind of space (the no-break space too) or a control character. */
    private static boolean blankOrControl(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }
}
