package io.friendlikit.conformance;

import io.friendlikit.conformance.schema.SchemaCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Inline schemas (response_format, tool parameters) assert "format", so FMT-02 can catch a wrong date or uuid. */
class SchemaCatalogTest {

    private final SchemaCatalog catalog = new SchemaCatalog();

    @ParameterizedTest(name = "{0}: {1} valid={2}")
    @CsvSource({
            "uuid,      29cf41e8-da36-43c6-86b6-c6098d776246, true",
            "uuid,      not-a-uuid,                           false",
            "date-time, 2024-05-14T18:17:37Z,                 true",
            "date-time, 2024-05-14 18:17,                     false",
            "date,      2027-12-10,                           true",
            "date,      2027-13-40,                           false",
            "time,      15:23:12Z,                            true",
            "time,      25:61,                                false"
    })
    void formatsAreAsserted(String format, String value, boolean valid) {
        String schema = "{\"type\":\"string\",\"format\":\"" + format + "\"}";
        assertThat(catalog.checkAgainst(schema, "\"" + value + "\"")).as("%s %s", format, value).hasSize(valid ? 0 : 1);
    }
}
