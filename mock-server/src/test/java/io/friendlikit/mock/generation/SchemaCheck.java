package io.friendlikit.mock.generation;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates instances against JSON Schemas (draft 2020-12, format assertions on) with networknt 3.x. */
final class SchemaCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private SchemaCheck() {
    }

    /** The validation messages; empty when {@code instanceJson} is valid against {@code schemaJson}. */
    static List<String> errors(String schemaJson, String instanceJson) {
        Schema schema = COMPILED.computeIfAbsent(schemaJson, s -> REGISTRY.getSchema(s, InputFormat.JSON));
        List<Error> errors = schema.validate(instanceJson, InputFormat.JSON,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        return errors.stream().map(Error::toString).toList();
    }
}
