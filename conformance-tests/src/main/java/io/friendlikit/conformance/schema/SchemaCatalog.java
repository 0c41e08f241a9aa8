package io.friendlikit.conformance.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.friendlikit.conformance.json.Fixtures;
import io.friendlikit.conformance.json.Json;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schemas of the API's responses, kept as data in fixtures/schemas/NAME.schema.json and checked with
 * the networknt validator. Also validates arbitrary instances against schemas given inline (tool parameters,
 * response_format json_schema).
 */
public final class SchemaCatalog {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> loaded = new ConcurrentHashMap<>();

    /** Problems found in {@code json} against the named schema, one line each; empty when valid. */
    public List<String> check(String schemaName, String json) {
        Schema schema = loaded.computeIfAbsent(schemaName,
                name -> registry.getSchema(Fixtures.text("schemas/" + name + ".schema.json"), InputFormat.JSON));
        return validate(schema, json);
    }

    /**
     * Problems found in {@code json} against a schema given as JSON text (tool parameters, response_format
     * json_schema). {@code format} is asserted here (uuid, date-time, date, time, …), because Friendli's structured
     * outputs promise those formats (docs/api-notes.md §7); in draft 2020-12 it is otherwise only an annotation.
     */
    public List<String> checkAgainst(String schemaJson, String json) {
        return validate(registry.getSchema(schemaJson, InputFormat.JSON), json, true);
    }

    private static List<String> validate(Schema schema, String json) {
        return validate(schema, json, false);
    }

    private static List<String> validate(Schema schema, String json, boolean assertFormats) {
        if (Json.tryParse(json).isEmpty()) {
            return List.of("not valid JSON: " + Json.abbreviate(json));
        }
        return format(schema.validate(json, InputFormat.JSON,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(assertFormats ? Boolean.TRUE : null))));
    }

    private static List<String> format(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
