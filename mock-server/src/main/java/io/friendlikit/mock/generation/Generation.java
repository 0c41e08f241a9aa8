package io.friendlikit.mock.generation;

import java.util.List;

/** The whole output for one request: one {@link ChoiceOutput} per n, and the prompt's token count. */
public record Generation(List<ChoiceOutput> choices, int promptTokens) {

    public Generation {
        choices = List.copyOf(choices);
    }

    public int completionTokens() {
        int sum = 0;
        for (ChoiceOutput c : choices) {
            sum += c.completionTokens();
        }
        return sum;
    }
}
