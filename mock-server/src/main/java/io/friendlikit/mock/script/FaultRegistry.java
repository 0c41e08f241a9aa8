package io.friendlikit.mock.script;

import java.util.ArrayList;
import java.util.List;

/** Active faults. Thread-safe; a fault with a count is removed after it has been applied that many times. */
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

    /** The faults for one exchange; counts are consumed. */
    public synchronized List<Fault> take() {
        List<Fault> out = new ArrayList<>();
        List<Rule> next = new ArrayList<>();
        for (Rule r : rules) {
            out.add(r.fault());
            if (r.remaining() == null) {
                next.add(r);
            } else if (r.remaining() > 1) {
                next.add(new Rule(r.id(), r.fault(), r.remaining() - 1));
            }
        }
        rules.clear();
        rules.addAll(next);
        return out;
    }
}
