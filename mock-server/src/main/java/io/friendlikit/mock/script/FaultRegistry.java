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

    /** Draws of probabilities from server seed 0. */
    public FaultRegistry() {
        this(0);
    }

    /** @param serverSeed the server's {@code --seed}, mixed into every draw of a fault's probability */
    public FaultRegistry(long serverSeed) {
        this.rules = new CappedRegistry<>("fault", serverSeed);
    }

    /** A registry whose ids start with {@code idPrefix} and that holds at most {@code capacity} faults. */
    public FaultRegistry(String idPrefix, int capacity) {
        this(idPrefix, capacity, 0);
    }

    /** As {@link #FaultRegistry(String, int)}, drawing probabilities from {@code serverSeed}. */
    public FaultRegistry(String idPrefix, int capacity, long serverSeed) {
        this.rules = new CappedRegistry<>("fault", idPrefix, capacity, serverSeed);
    }

    /**
     * @param times how many exchanges it applies to (at least 1), or null for every exchange until removed
     * @throws CappedRegistry.FullException when {@link CappedRegistry#CAPACITY} faults are active
     */
    public CappedRegistry.Entry<Fault> add(Fault fault, Integer times) {
        return rules.add(fault, times);
    }

    /**
     * A fault that fires with a probability each time an exchange reaches its phase ({@link Chance}); only the
     * exchanges it fires for count as uses of its {@code times}.
     *
     * @param probability in [0, 1]
     * @param seed        the fault's own seed, or null for the number in its id
     */
    public CappedRegistry.Entry<Fault> add(Fault fault, Integer times, double probability, Long seed) {
        return rules.add(fault, times, probability, seed);
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
     * The faults of one phase that fire for an exchange that has reached that phase, in the order they were added.
     * Each fault of the phase draws once (one with probability 1 always fires); each handed out counts as one use of
     * its {@code times}; faults of other phases are left as they are, so a fault is used up only by exchanges in which
     * its phase runs. Atomic: of two exchanges reaching the phase at once, only one gets a fault's last use.
     */
    public List<Fault> take(Fault.Phase phase) {
        return rules.useEach(fault -> fault.phase() == phase);
    }

    /**
     * Like {@link #take(Fault.Phase)} for a phase where only one fault can act (the first error answered before
     * the headers): the faults of the phase draw in order until one fires; only that one is used, and later ones of
     * the phase neither draw nor are used (they wait for the next exchange).
     */
    public Optional<Fault> takeFirst(Fault.Phase phase) {
        return rules.useFirst(fault -> fault.phase() == phase);
    }
}
