package io.friendlikit.mock.script;

import io.friendlikit.mock.delivery.StreamEnd;
import io.friendlikit.mock.delivery.StreamPlan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal keeps each entry's session and, once delivery is over, how it ended; filters by session. */
class JournalEndTest {

    private static Journal.Entry entry(long id, String session) {
        return new Journal.Entry(id, Instant.EPOCH, "POST", "/v1/chat/completions", Map.of(), null, null, null, 200, null,
                List.of(), List.of(), true, session, null, null);
    }

    @Test
    void theEndIsAddedToTheEntryItBelongsTo() {
        Journal journal = new Journal(2);
        journal.record(entry(1, "a"));
        journal.record(entry(2, null));
        journal.ended(2, StreamEnd.clientGone(3, 120).took(40));
        journal.ended(99, StreamEnd.completed(0, 1));
        assertThat(journal.entries().get(0).end()).isNull();
        assertThat(journal.entries().get(1).end()).isEqualTo(new StreamEnd(StreamEnd.How.CLIENT_GONE, 3, 120, null, 40));
        journal.record(entry(3, "a"));
        journal.ended(1, StreamEnd.completed(0, 1));
        assertThat(journal.entries()).extracting(Journal.Entry::id).containsExactly(2L, 3L);
        journal.clearSession("a");
        assertThat(journal.entries()).extracting(Journal.Entry::id).containsExactly(2L);
        assertThat(entry(4, "t").summary()).endsWith("session=t");
    }

    @Test
    void aPlannedEndNamesTheFaultThatShapedIt() {
        StreamPlan plan = StreamPlan.of(List.of("{}", "{}", "{}"));
        assertThat(StreamEnd.planned(plan, 3, 10).how()).isEqualTo(StreamEnd.How.COMPLETED);
        assertThat(StreamEnd.planned(plan.withoutDone(), 3, 10).fault()).isEqualTo("drop_done");
        assertThat(StreamEnd.planned(plan.withDisconnectAfter(2), 2, 10).fault()).isEqualTo("disconnect");
        assertThat(StreamEnd.planned(plan.withDisconnectAfter(9), 3, 10).how())
                .as("a disconnect after more chunks than there are never happens").isEqualTo(StreamEnd.How.COMPLETED);
        assertThat(StreamEnd.planned(plan.withErrorAfter(1, "{\"error\":{}}"), 1, 10).fault())
                .isEqualTo("stream_error");
    }
}
