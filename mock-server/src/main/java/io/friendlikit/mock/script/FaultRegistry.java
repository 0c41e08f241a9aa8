package io.friendlikit.mock.script;

import java.util.List;

/** Active faults, in the order they were added. Thread-safe; a fault with a count is removed once used up. */
public final class FaultRegistry {

    private final CappedRegistry<Fault> rules = new CappedRegistry<>("fault");

    /**
     * @param times how many exchanges it applies to (at least 1), or null for every exchange until removed
     * @throws CappedRegistry.FullException when {@link CappedRegistry#CAPACITY} faults are active
     */
    public CappedRegistry.Entry<Fault> add(Fault fault, Integer times) {
        return rules.add(fault, times);
    }

    public List<CappedRegistry.Entry<Fault>> list() {
        return rules.list();
    }

    public void clear() {
        rules.clear();
    }

    public boolean remove(String id) {
        return rules.remove(id);
    }

    /** The faults for one exchange; counts are consumed. */
    public List<Fault> take() {
        return rules.useEach(fault -> true);
    }
}
