package io.friendlikit.mock.drift;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The structural comparison on hand-made answers: what counts as a difference and what does not. */
class ShapeComparatorTest {

    private final ShapeComparator plain = new ShapeComparator(Divergences.none());

    private static Answer json(int status, String body) {
        return new Answer(status, "application/json", body, null, false);
    }

    private static Answer stream(boolean done, String... events) {
        return new Answer(200, "text/event-stream; charset=utf-8", null, List.of(events), done);
    }

    private static List<String> lines(List<Difference> differences) {
        return differences.stream().map(d -> d.kind() + " " + d.pointer() + " " + d.recorded() + " -> " + d.now()
                + (d.isKnown() ? " (" + d.known() + ")" : "")).toList();
    }

    @Test
    void textsAndNumbersAreNotComparedButTypesAndMembersAre() {
        List<Difference> d = plain.compare(
                json(200, "{\"a\":\"x\",\"n\":1,\"o\":{\"k\":true},\"gone\":1,\"nul\":null,"
                        + "\"choices\":[{\"i\":1},{\"i\":2}]}"),
                json(200, "{\"a\":\"other text\",\"n\":1.5,\"o\":{\"k\":\"true\"},\"new\":[1],"
                        + "\"choices\":[{\"i\":\"1\"}]}"));
        assertThat(lines(d)).containsExactly("type /o/k boolean -> string", "missing /gone number -> absent",
                "choices-length /choices 2 -> 1", "type /choices/0/i number -> string", "extra /new absent -> array");
    }

    @Test
    void statusAndContentTypeClassAreComparedAndAStreamAgainstAPlainBodyGoesNoFurther() {
        assertThat(lines(plain.compare(json(200, "{}"), stream(true, "{}")))).containsExactly(
                "content-type  json -> event-stream");
        assertThat(lines(plain.compare(json(200, "{\"a\":1}"), json(422, "{\"message\":\"m\"}")))).containsExactly(
                "status  200 -> 422");
        assertThat(plain.compare(new Answer(200, "application/json; charset=utf-8", "{}", null, false),
                json(200, "{}"))).isEmpty();
    }

    @Test
    void usageArithmeticIsReportedWhenItHoldsInOneOnly() {
        assertThat(lines(plain.compare(
                json(200, "{\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7}}"),
                json(200, "{\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":8}}"))))
                .containsExactly("usage-arithmetic /usage/total_tokens adds up -> does not add up");
    }

    @Test
    void streamsCompareTheirShapeAndTheUnionOfTheirMembers() {
        Answer recorded = stream(true,
                "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"a\"},\"finish_reason\":null}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}");
        Answer now = stream(false,
                "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":null,\"logprobs\":{\"content\":[]}}]}",
                "{\"choices\":[{\"delta\":{\"content\":1},\"finish_reason\":null}]}");
        assertThat(lines(plain.compare(recorded, now))).containsExactly(
                "role-first /choices/*/delta/role yes -> no",
                "finish-chunk /choices/*/finish_reason yes -> no",
                "done /done yes -> no",
                "type /choices/*/delta/content string -> number|string",
                "extra /choices/*/logprobs absent -> object");
        assertThat(lines(plain.compare(stream(true, "{}"), stream(true, "{}", "{}", "{}", "{}", "{}", "{}", "{}",
                "{}", "{}", "{}")))).containsExactly("events /events 1 -> 10+");
        ShapeComparator live = new ShapeComparator(Divergences.read(java.nio.file.Path.of("..", "fixtures",
                "divergences.json")).forTarget("live"));
        assertThat(lines(live.compare(stream(true, "{}"), stream(true, "{}", "{}", "{}", "{}", "{}", "{}", "{}",
                "{}", "{}", "{}")))).as("the project's divergences know that a live answer's length varies")
                .singleElement().asString().startsWith("events /events 1 -> 10+ (");
    }

    @Test
    void divergencesApplyAsInTheKit() {
        Divergences entries = new Divergences(List.of(
                new Divergences.Entry("mock", "/choices/*/message", "type-only", null, "type only"),
                new Divergences.Entry("mock", "/id", "pattern", Pattern.compile("chatcmpl-.*"), "ids differ"),
                new Divergences.Entry("mock", "/x", "ignore", null, "x is not ours")));
        ShapeComparator c = new ShapeComparator(entries);
        List<Difference> d = c.compare(
                json(200, "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"x\":{\"y\":1}}"),
                json(200, "{\"choices\":[{\"message\":{\"content\":null,\"tool_calls\":[]}}],\"x\":{\"y\":\"1\"},"
                        + "\"id\":\"chatcmpl-1\"}"));
        assertThat(lines(d)).containsExactly(
                "missing /choices/0/message/content string -> absent (type only)",
                "extra /choices/0/message/tool_calls absent -> array (type only)",
                "type /x/y number -> string (x is not ours)",
                "extra /id absent -> string (ids differ)");
        assertThat(lines(c.compare(json(200, "{\"id\":\"a\"}"), json(200, "{\"id\":7}"))))
                .as("a value that does not match the pattern stays drift")
                .containsExactly("type /id string -> number");
        assertThat(lines(c.compare(json(200, "{\"choices\":[{\"message\":{}}]}"), json(200, "{\"choices\":[{}]}"))))
                .as("type-only still checks the member itself")
                .containsExactly("missing /choices/0/message object -> absent");
    }

    @Test
    void aReceivedStreamIsSplitIntoItsEventsAndDoneIsTheLast() {
        Answer a = Answer.received(200, "text/event-stream", ": comment\n\ndata:{\"a\":1}\r\n\r\ndata: {\"b\":\n"
                + "data: 2}\n\ndata: [DONE]\n\n");
        assertThat(a.events()).containsExactly("{\"a\":1}", "{\"b\":\n2}");
        assertThat(a.done()).isTrue();
        assertThat(Answer.received(200, "text/event-stream", "data: x\n\ndata: [DONE]\n\ndata: y").done()).isFalse();
    }
}
