package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.generation.Generator;
import io.friendlikit.mock.script.Answer;
import io.friendlikit.mock.script.RequestView;
import io.friendlikit.mock.script.ScenarioRegistry;

import java.util.Locale;
import java.util.Optional;

/**
 * The output tokens: a scenario's scripted reply (or error) when one matches or X-Mock-Scenario names one, else
 * generated from the request and seeds. A matching scenario's faults join the exchange here, for the phases still
 * ahead, and its timing (if it has one) replaces the server's for the pacing stage.
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
        RequestView view = new RequestView(state.exchange().flavour().name().toLowerCase(Locale.ROOT),
                state.exchange().path(), state.exchange().headers(), state.body().json(), state.request);
        Optional<ScenarioRegistry.Pick> pick = state.scenario(view);
        if (pick.isEmpty() && state.scenarioId != null) {
            return Verdict.fail(ApiError.badMockHeader(Scope.SCENARIO_HEADER, Scope.SCENARIO_HEADER + ": no active"
                    + " scenario has the id '" + state.scenarioId + "' (globally"
                    + (state.sessionName == null ? "" : " or in session '" + state.sessionName + "'")
                    + "); GET /__admin/scenarios lists them"));
        }
        if (pick.isEmpty()) {
            state.generation = generator.generate(state.request, state.model, state.promptTokens, state.budget);
            return Verdict.CONTINUE;
        }
        Answer answer = pick.get().answer();
        state.scripted(answer.faults());
        if (answer.error() != null) {
            return Verdict.fail(answer.error());
        }
        state.reportedUsage = answer.reply().usage();
        state.scriptedTiming = answer.timing();
        state.generation = generator.replay(state.request, state.model, answer.reply(), state.promptTokens,
                state.budget);
        return Verdict.CONTINUE;
    }
}
