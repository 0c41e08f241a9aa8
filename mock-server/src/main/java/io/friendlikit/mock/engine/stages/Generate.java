package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.generation.Generator;
import io.friendlikit.mock.script.Scenario;
import io.friendlikit.mock.script.ScenarioRegistry;

import java.util.Optional;

/** The output tokens: a scripted reply when a scenario matches, else generated from the request and seeds. */
final class Generate implements Stage {

    private final Generator generator;
    private final ScenarioRegistry scenarios;

    Generate(Generator generator, ScenarioRegistry scenarios) {
        this.generator = generator;
        this.scenarios = scenarios;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public Verdict run(ExchangeState state) {
        Optional<Scenario> scripted = scenarios.match(state.request);
        state.generation = scripted.isPresent()
                ? generator.replay(state.request, state.model, scripted.get().reply(), state.promptTokens,
                        state.budget)
                : generator.generate(state.request, state.model, state.promptTokens, state.budget);
        return Verdict.CONTINUE;
    }
}
