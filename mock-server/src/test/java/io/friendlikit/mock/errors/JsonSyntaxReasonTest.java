package io.friendlikit.mock.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.ContentReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonSyntaxReasonTest {

    @Test
    void dropsTheStartMarkerAndItsSourceExcerpt() {
        JsonParseException e = new JsonParseException(null, "Unexpected end-of-input: expected close marker for"
                + " Object (start marker at [Source: (byte[])\"{\\\"a\\\": [\"; line: 1, column: 1])",
                new JsonLocation(ContentReference.unknown(), 9, 1, 10));
        assertThat(JsonSyntaxReason.of(e))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object (line 1, column 10)");
    }

    @Test
    void withoutALocationGivesTheReasonAlone() {
        JsonParseException e = new JsonParseException(null, "Document nesting depth (1001) exceeds the maximum"
                + " allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)");
        assertThat(JsonSyntaxReason.of(e))
                .isEqualTo("Document nesting depth (1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void aLongReasonIsCut() {
        JsonParseException e = new JsonParseException(null, "Unrecognized token '" + "x".repeat(500) + "'",
                new JsonLocation(ContentReference.unknown(), 0, 2, 3));
        String reason = JsonSyntaxReason.of(e);
        assertThat(reason).endsWith("... (line 2, column 3)");
        assertThat(reason).hasSize(JsonSyntaxReason.MAX_REASON_LENGTH + " (line 2, column 3)".length());
    }
}
