package io.friendlikit.mock.generation;

import java.util.List;

/**
 * A function call produced by the generator. Its arguments are emitted as tokens; their concatenation is the
 * JSON text of {@code arguments} (possibly cut short by max_tokens, then not valid JSON).
 */
public record GeneratedToolCall(String id, String name, List<Token> argumentTokens) {

    public GeneratedToolCall {
        argumentTokens = List.copyOf(argumentTokens);
    }

    public String arguments() {
        StringBuilder sb = new StringBuilder();
        for (Token t : argumentTokens) {
            sb.append(t.text());
        }
        return sb.toString();
    }
}
