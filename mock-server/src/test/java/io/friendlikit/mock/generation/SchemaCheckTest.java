package io.friendlikit.mock.generation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker used by the other tests really rejects wrong instances (formats included). */
class SchemaCheckTest {

    @Test
    void rejectsBadFormatsTypesAndMissingProperties() {
        assertThat(SchemaCheck.errors("{\"type\":\"string\",\"format\":\"uuid\"}", "\"not-a-uuid\"")).isNotEmpty();
        assertThat(SchemaCheck.errors("{\"type\":\"string\",\"format\":\"date-time\"}", "\"2025-13-01\"")).isNotEmpty();
        assertThat(SchemaCheck.errors("{\"type\":\"string\",\"format\":\"time\"}", "\"25:00:00Z\"")).isNotEmpty();
        assertThat(SchemaCheck.errors("{\"type\":\"object\",\"required\":[\"a\"]}", "{}")).isNotEmpty();
        assertThat(SchemaCheck.errors("{\"type\":\"integer\",\"exclusiveMaximum\":3}", "3")).isNotEmpty();
        assertThat(SchemaCheck.errors("{\"$defs\":{\"d\":{\"type\":\"string\"}},\"$ref\":\"#/$defs/d\"}", "1"))
                .isNotEmpty();
        assertThat(SchemaCheck.errors("{\"type\":\"string\",\"format\":\"uuid\"}",
                "\"123e4567-e89b-42d3-a456-426614174000\"")).isEmpty();
    }
}
