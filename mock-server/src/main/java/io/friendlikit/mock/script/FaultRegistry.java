package io.friendlikit.mock.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Active faults. Thread-safe; a fault with a count is removed after it has been applied that many times, each
 * application being an exchange that reached the fault's phase ({@link #take(Fault.Phase)}).
 */
public final class FaultRegistry {

    /** A fault and how many more exchanges it applies to (null: every exchange until removed). */
    public record Rule(String id, Fault fault, Integer remaining) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private long nextId = 1;

    /** More than this many at once is refused (a script that loops by mistake should not fill the heap). */
    public static final int CAPACITY = 10_000;

    public synchronized Rule add(Fault fault, Integer times) {
        if (rules.size() >= CAPACITY) {
            throw new IllegalArgumentException("at most " + CAPACITY + " faults may be active; DELETE some first");
        }
        Rule rule = new Rule("fault-" + nextId++, fault, times);
        rules.add(rule);
        return rule;
    }

    public synchronized List<Rule> list() {
        return List.copyOf(rules);
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized boolean remove(String id) {
        return rules.removeIf(r -> r.id().equals(id));
    }

    /**
     * The faults of one phase for an exchange that has reached that phase, in the order they were added. Each
     * handed out counts as one use of its {@code times}; faults of other phases are left as they are, so a fault
     * is used up only by exchanges in which its phase runs. Atomic: of two exchanges reaching the phase at once,
     * only one gets a fault's last use.
     */
    public List<Fault> take(Fault.Phase phase) {
        return take(phase, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #take(Fault.Phase)} for a phase where only one fault can act (the first error answered before
     * the headers): only the fault handed out is used; later ones of the phase wait for the next exchange.
     */
    public Optional<Fault> takeFirst(Fault.Phase phase) {
        return take(phase, 1).stream().findFirst();
    }

    private synchronized List<Fault> take(Fault.Phase phase, int atMost) {
        List<Fault> out = new ArrayList<>();
        for (var it = rules.listIterator(); it.hasNext() && out.size() < atMost; ) {
            Rule r = it.next();
            if (r.fault().phase() != phase) {
                continue;
            }
            out.add(r.fault());
            if (r.remaining() == null) {
                continue;
            }
            if (r.remaining() > 1) {
                it.set(new Rule(r.id(), r.fault(), r.remaining() - 1));
            } else {
                it.remove();
            }
        }
        return out;
    }
}
