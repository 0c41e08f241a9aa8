package io.friendlikit.mock.generation;

import java.util.List;

/**
 * One emitted token: its text, its log-probability (always &lt;= 0) and the alternatives at its position,
 * sorted by descending logprob and containing the token itself. {@code alternatives} holds as many entries as
 * the request's top_logprobs asked for (none when logprobs were not requested).
 */
public record Token(String text, double logprob, List<Alternative> alternatives) {

    public Token {
        alternatives = List.copyOf(alternatives);
    }

    /** One candidate at a position. */
    public record Alternative(String text, double logprob) {
    }
}
