package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.generation.Generator;
import io.friendlikit.mock.script.Scenario;

import java.util.Optional;

/**
 * The output tokens: a scripted reply when a scenario matches (or X-Mock-Scenario names one), else generated from
 * the request and seeds.
 */
final class Generate implements Stage {

    private final Generator generator;

    Generate(Generator generator) {
        this.generator = generator;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public Verdict run(ExchangeState state) {
        Optional<Scenario> scripted = state.scenario();
        if (scripted.isEmpty() && state.scenarioId != null) {
            return Verdict.fail(ApiError.badMockHeader(Scope.SCENARIO_HEADER, Scope.SCENARIO_HEADER + ": no active"
                    + " scenario has the id '" + state.scenarioId + "' (globally"
                    + (state.sessionName == null ? "" : " or in session '" + state.sessionName + "'")
                    + "); GET /__admin/scenarios lists them"));
        }
        state.generation = scripted.isPresent()
                ? generator.replay(state.request, state.model, scripted.get().reply(), state.promptTokens,
                        state.budget)
                : generator.generate(state.request, state.model, state.promptTokens, state.budget);
        return Verdict.CONTINUE;
    }
}
