package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.request.RequestBinder;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.validation.RequestValidator;
import io.friendlikit.mock.validation.ValidationContext;
import io.friendlikit.mock.validation.Violation;

import java.util.List;

/**
 * Phase "validation": the JSON tree against every field rule (some depend on the catalogue entry of the model,
 * so it is looked up here), then bound to a {@link io.friendlikit.mock.wire.ChatRequest}. A skip_validation fault
 * accepts any JSON object.
 */
final class Validate implements Stage {

    private final MockConfig config;
    private final ModelCatalog catalog;
    private final RequestValidator validator = new RequestValidator();
    private final RequestBinder binder;

    Validate(MockConfig config, ModelCatalog catalog, RequestBinder binder) {
        this.config = config;
        this.catalog = catalog;
        this.binder = binder;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public Verdict run(ExchangeState state) {
        JsonNode body = state.body().json();
        ValidationContext.Flavour flavour = state.exchange().flavour();
        state.model = flavour == ValidationContext.Flavour.SERVERLESS ? catalog.find(state.modelId).orElse(null) : null;
        boolean skip = state.faults(Fault.Phase.VALIDATION).stream().anyMatch(Fault::skipsValidation);
        if (skip) {
            if (!body.isObject()) {
                return Verdict.fail(ApiError.malformedJson("the body must be a JSON object"));
            }
        } else {
            List<Violation> found = validator.validate(body, new ValidationContext(flavour,
                    config.strictUnknownFields(), state.model, config.openAiSchemaMembers()));
            if (!found.isEmpty()) {
                return Verdict.fail(ApiError.invalidRequest(found));
            }
        }
        state.request = binder.bind(body);
        return Verdict.CONTINUE;
    }
}
