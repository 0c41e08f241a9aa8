package io.friendlikit.mock.delivery;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The open streams and the bytes they hold; a stream beyond the limit gets no lease. */
class StreamBudgetTest {

    @Test
    void leasesCountOpenStreamsAndRefuseBeyondTheLimit() {
        StreamBudget budget = new StreamBudget(100);
        StreamBudget.Lease a = budget.open(60).orElseThrow();
        assertThat(budget.open(41)).as("60 + 41 > 100").isEmpty();
        assertThat(budget.openStreams()).isEqualTo(1);
        assertThat(budget.heldBytes()).as("a refused stream holds nothing").isEqualTo(60);
        StreamBudget.Lease b = budget.open(40).orElseThrow();
        assertThat(budget.openStreams()).isEqualTo(2);
        a.close();
        a.close();
        assertThat(budget.openStreams()).as("closing twice counts once").isEqualTo(1);
        assertThat(budget.heldBytes()).isEqualTo(40);
        b.close();
        assertThat(budget.openStreams()).isZero();
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void aPlanHoldsItsTextInUtf16() {
        StreamPlan plan = StreamPlan.of(List.of("abc", "de")).withErrorAfter(1, "{}");
        assertThat(plan.heldBytes()).isEqualTo(2 * (3 + 2 + 2));
        assertThatThrownBy(() -> new StreamPlan(List.of(), true, List.of(), null, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
