package io.friendlikit.mock.script;

import java.util.List;
import java.util.Optional;

/**
 * Active faults, in the order they were added. Thread-safe; a fault with a count is removed after it has been
 * applied that many times, each application being an exchange that reached the fault's phase
 * ({@link #take(Fault.Phase)}).
 */
public final class FaultRegistry {

    private final CappedRegistry<Fault> rules;

    public FaultRegistry() {
        rules = new CappedRegistry<>("fault");
    }

    /** A registry whose ids start with {@code idPrefix} and that holds at most {@code capacity} faults. */
    public FaultRegistry(String idPrefix, int capacity) {
        rules = new CappedRegistry<>("fault", idPrefix, capacity);
    }

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

    public int size() {
        return rules.size();
    }

    public void clear() {
        rules.clear();
    }

    public boolean remove(String id) {
        return rules.remove(id);
    }

    /**
     * The faults of one phase for an exchange that has reached that phase, in the order they were added. Each
     * handed out counts as one use of its {@code times}; faults of other phases are left as they are, so a fault
     * is used up only by exchanges in which its phase runs. Atomic: of two exchanges reaching the phase at once,
     * only one gets a fault's last use.
     */
    public List<Fault> take(Fault.Phase phase) {
        return rules.useEach(fault -> fault.phase() == phase);
    }

    /**
     * Like {@link #take(Fault.Phase)} for a phase where only one fault can act (the first error answered before
     * the headers): only the fault handed out is used; later ones of the phase wait for the next exchange.
     */
    public Optional<Fault> takeFirst(Fault.Phase phase) {
        return rules.useFirst(fault -> fault.phase() == phase);
    }
}
