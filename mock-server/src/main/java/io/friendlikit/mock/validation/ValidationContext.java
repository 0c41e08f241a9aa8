package io.friendlikit.mock.validation;

import io.friendlikit.mock.catalog.ModelInfo;

/**
 * What the validator needs to know besides the body.
 *
 * @param flavour               which route received the request
 * @param strictUnknownFields   true: unknown top-level members are a 422 {@code no such field: '<name>'};
 *                              false: they are ignored
 * @param model                 the catalogue entry of the requested model, or null when unknown or not
 *                              applicable (dedicated endpoint ids, container); used for per-model rules
 *                              such as the accepted reasoning_effort values
 * @param tolerateOpenAiSchemaMembers true: {@code name}, {@code description}, {@code strict} inside
 *                              {@code response_format.json_schema} are accepted (docs/api-notes.md §13, q13)
 */
public record ValidationContext(Flavour flavour, boolean strictUnknownFields, ModelInfo model,
                                boolean tolerateOpenAiSchemaMembers) {

    /** The three route families of docs/api-notes.md §1. */
    public enum Flavour { SERVERLESS, DEDICATED, CONTAINER }
}
