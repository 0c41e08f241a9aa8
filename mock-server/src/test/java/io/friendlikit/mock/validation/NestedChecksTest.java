package io.friendlikit.mock.validation;

import io.friendlikit.mock.request.JsonKind;
import io.friendlikit.mock.request.RequestField;
import io.friendlikit.mock.request.RequestFields;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator's nested checks hang off rows of the field table, and no structured row goes unchecked. */
class NestedChecksTest {

    /** Free-form members: any JSON object is fine. */
    private static final Set<String> FREE_FORM = Set.of("chat_template_kwargs");

    @Test
    void everyNestedCheckBelongsToARow() {
        assertThat(RequestFields.names()).containsAll(RequestValidator.NESTED.keySet());
    }

    @Test
    void everyObjectOrArrayRowHasANestedCheck() {
        List<String> unchecked = RequestFields.ALL.stream()
                .filter(f -> f.kinds().contains(JsonKind.OBJECT) || f.kinds().contains(JsonKind.ARRAY))
                .map(RequestField::name)
                .filter(name -> !FREE_FORM.contains(name) && !RequestValidator.NESTED.containsKey(name))
                .toList();
        assertThat(unchecked).as("rows with members but no nested check").isEmpty();
    }

    @Test
    void theValidatorKnowsExactlyTheRowsOfTheTable() {
        assertThat(RequestValidator.knownFields()).containsExactlyElementsOf(RequestFields.names());
    }
}
