package io.friendlikit.mock.script;

import io.friendlikit.mock.generation.CannedReply;
import io.friendlikit.mock.engine.Mappers;
import io.friendlikit.mock.request.RequestBinder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which scenario answers: priority, then added before fixtures, then order; uses and sequences. */
class ScenarioRegistryTest {

    private static final RequestBinder BINDER = new RequestBinder(Mappers.wire());

    private static RequestView view(String userText) {
        com.fasterxml.jackson.databind.node.ObjectNode body = Mappers.wire().createObjectNode().put("model", "m");
        body.putArray("messages").addObject().put("role", "user").put("content", userText);
        return new RequestView("serverless", "/serverless/v1/chat/completions", Map.of(), body, BINDER.bind(body));
    }

    private static Scenario answering(String text, int priority, String contains) {
        List<Condition> when = contains == null ? List.of()
                : List.of(new Condition.LastUserMessage(TextRule.containing(contains, true)));
        return new Scenario(text, priority, when, List.of(Answer.of(new CannedReply(text, List.of()))), null, null);
    }

    private static String answer(ScenarioRegistry registry, String userText) {
        return registry.match(view(userText)).map(p -> p.answer().reply().content()).orElse(null);
    }

    @Test
    void highestPriorityThenAddedBeforeFixtureThenFirst() {
        ScenarioRegistry r = new ScenarioRegistry();
        r.replaceFixtures(List.of(answering("fixture 0", 0, null), answering("fixture 5", 5, "hot")),
                new ArrayList<>(java.util.Arrays.asList(null, null)));
        assertThat(answer(r, "hi")).isEqualTo("fixture 0");
        r.add(answering("added 0", 0, null), null);
        r.add(answering("added 0 again", 0, null), null);
        assertThat(answer(r, "hi")).isEqualTo("added 0");
        assertThat(answer(r, "hot")).isEqualTo("fixture 5");
        r.add(answering("added 5", 5, "hot"), null);
        assertThat(answer(r, "hot")).isEqualTo("added 5");
        r.clear();
        assertThat(answer(r, "hi")).isEqualTo("fixture 0");
        assertThat(r.fixtures()).hasSize(2);
    }

    @Test
    void aCountedScenarioIsUsedUpOnlyWhenItAnswers() {
        ScenarioRegistry r = new ScenarioRegistry();
        r.add(answering("high once", 9, "x"), 1);
        r.add(answering("low", 0, null), null);
        assertThat(answer(r, "no")).isEqualTo("low");
        assertThat(r.list()).extracting(CappedRegistry.Entry::remaining).containsExactly(1, null);
        assertThat(answer(r, "x")).isEqualTo("high once");
        assertThat(answer(r, "x")).isEqualTo("low");
    }

    @Test
    void aSequenceGivesItsAnswersInOrderAndRepeatsTheLast() {
        ScenarioRegistry r = new ScenarioRegistry();
        r.add(new Scenario(null, 0, List.of(), List.of(Answer.of(new CannedReply("one", List.of())),
                Answer.of(new CannedReply("two", List.of()))), null, null), null);
        assertThat(List.of(answer(r, "a"), answer(r, "a"), answer(r, "a"))).containsExactly("one", "two", "two");
    }

    @Test
    void textRules() {
        assertThat(TextRule.containing("Paris", false).test("in paris")).isFalse();
        assertThat(TextRule.containing("Paris", true).test("in PARIS")).isTrue();
        assertThat(TextRule.equalTo("a", false).test("ab")).isFalse();
        assertThat(TextRule.matching("r", "^a[0-9]+$", false).test("a12")).isTrue();
        assertThat(TextRule.matching("r", "^A", true).test("abc")).isTrue();
        assertThat(TextRule.matching("r", "x", false).test(null)).isFalse();
        // the text looked at is cut to MAX_TEXT characters
        assertThat(TextRule.matching("r", "b$", false).test("a".repeat(TextRule.MAX_TEXT) + "b")).isFalse();
        assertThatThrownBy(() -> TextRule.matching("m.regex", "(?<=a)b", false)).isInstanceOf(InvalidMember.class)
                .hasMessageStartingWith("m.regex: not a valid regular expression");
    }

    @Test
    void anAnswersFaultMustActAfterGeneration() {
        assertThatThrownBy(() -> new Answer(new CannedReply("x", List.of()), null, List.of(new Fault.SkipValidation())))
                .hasMessageContaining("skip_validation acts earlier");
    }
}
