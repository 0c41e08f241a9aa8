package io.friendlikit.mock.script;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one registry behind faults and scenarios: order, ids, counted uses, the cap. */
class CappedRegistryTest {

    private final CappedRegistry<String> registry = new CappedRegistry<>("thing");

    @Test
    void idsAreNumberedInOrderAndNeverReused() {
        assertThat(registry.add("a", null).id()).isEqualTo("thing-1");
        registry.clear();
        assertThat(registry.add("b", null).id()).isEqualTo("thing-2");
        assertThat(registry.remove("thing-2")).isTrue();
        assertThat(registry.remove("thing-2")).isFalse();
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void useEachCountsOneUsePerEntryAndDropsSpentOnes() {
        registry.add("once", 1);
        registry.add("always", null);
        registry.add("twice", 2);
        registry.add("skipped", 1);
        assertThat(registry.useEach(v -> !v.equals("skipped"))).containsExactly("once", "always", "twice");
        assertThat(registry.list()).extracting(CappedRegistry.Entry::value)
                .containsExactly("always", "twice", "skipped");
        assertThat(registry.list().get(1).remaining()).isEqualTo(1);
        assertThat(registry.useEach(v -> true)).containsExactly("always", "twice", "skipped");
        assertThat(registry.list()).extracting(CappedRegistry.Entry::value).containsExactly("always");
        assertThat(registry.list().get(0).remaining()).isNull();
    }

    @Test
    void useFirstUsesOnlyTheFirstMatch() {
        registry.add("apple", 2);
        registry.add("apricot", null);
        assertThat(registry.useFirst(v -> v.startsWith("ap"))).contains("apple");
        assertThat(registry.useFirst(v -> v.startsWith("ap"))).contains("apple");
        assertThat(registry.useFirst(v -> v.startsWith("ap"))).contains("apricot");
        assertThat(registry.useFirst(v -> v.startsWith("b"))).isEmpty();
        assertThat(registry.list()).extracting(CappedRegistry.Entry::value).containsExactly("apricot");
    }

    @Test
    void holdsAtMostCapacityEntries() {
        for (int i = 0; i < CappedRegistry.CAPACITY; i++) {
            registry.add("x" + i, null);
        }
        assertThatThrownBy(() -> registry.add("one too many", null))
                .isInstanceOf(CappedRegistry.FullException.class)
                .hasMessage("at most 10000 things may be active; DELETE some first");
        assertThat(registry.list()).hasSize(CappedRegistry.CAPACITY);
        registry.useFirst(v -> v.equals("x0"));
        registry.remove(registry.list().get(0).id());
        assertThat(registry.add("room again", 1).value()).isEqualTo("room again");
    }

    @Test
    void refusesACountBelowOne() {
        assertThatThrownBy(() -> registry.add("never", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("times");
        assertThat(registry.list()).isEmpty();
        assertThat(List.of(registry.add("ok", 1).remaining())).containsExactly(1);
    }
}
