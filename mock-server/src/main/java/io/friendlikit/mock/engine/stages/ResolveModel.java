package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.validation.ValidationContext;

import java.util.Set;

/**
 * The model exists: a serverless model in the catalogue, a dedicated endpoint among the configured ids. The
 * container serves whatever model it is asked for.
 */
final class ResolveModel implements Stage {

    private final Set<String> endpoints;

    ResolveModel(Set<String> endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public String name() {
        return "resolve model";
    }

    @Override
    public Verdict run(ExchangeState state) {
        ValidationContext.Flavour flavour = state.exchange().flavour();
        if (flavour == ValidationContext.Flavour.SERVERLESS && state.model == null) {
            return Verdict.fail(ApiError.modelNotFound(String.valueOf(state.modelId)));
        }
        if (flavour == ValidationContext.Flavour.DEDICATED && !endpoints.contains(state.modelId)) {
            return Verdict.fail(ApiError.endpointNotFound(String.valueOf(state.modelId)));
        }
        return Verdict.CONTINUE;
    }
}
