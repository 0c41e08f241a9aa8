package io.friendlikit.mock.script;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Entries added through the admin API, in the order they were added, each used a limited number of times or until
 * removed. Holds at most {@link #CAPACITY} entries, so a script that loops by mistake cannot fill the heap.
 * An entry may fire with a probability: each time it is reached it draws ({@link Chance}, from the server seed, the
 * entry's seed and how often it was reached before); one that does not fire is left as it was, its uses included.
 * Thread-safe.
 *
 * @param <T> what is registered (a fault, a scenario)
 */
public final class CappedRegistry<T> {

    /** More than this many at once is refused. */
    public static final int CAPACITY = 10_000;

    /**
     * One registered value.
     *
     * @param remaining   how many more uses it has, or null for every use until removed
     * @param probability the chance it fires each time it is reached, in [0, 1]
     * @param seed        its own seed for those draws (default: the number in its id)
     * @param reached     how many times it was reached so far (fired or not): the index of its next draw
     */
    public record Entry<T>(String id, T value, Integer remaining, double probability, long seed, long reached) {

        /** Counts one more time reached; uses it once when it fires. */
        private Entry<T> reachedOnce(boolean fired) {
            Integer left = fired && remaining != null ? Integer.valueOf(remaining - 1) : remaining;
            return new Entry<>(id, value, left, probability, seed, reached + 1);
        }

        private boolean spent() {
            return remaining != null && remaining <= 0;
        }
    }

    /** Thrown by {@link #add} when the registry is full. */
    public static final class FullException extends IllegalStateException {
        FullException(String noun) {
            super("at most " + CAPACITY + " " + noun + "s may be active; DELETE some first");
        }
    }

    private final String noun;
    private final long serverSeed;
    private final List<Entry<T>> entries = new ArrayList<>();
    private long nextId = 1;

    /** @param noun names entries in ids ({@code fault-1}) and messages */
    public CappedRegistry(String noun) {
        this(noun, 0);
    }

    /**
     * @param noun       names entries in ids ({@code fault-1}) and messages
     * @param serverSeed the server's seed, mixed into every draw of a probability
     */
    public CappedRegistry(String noun, long serverSeed) {
        this.noun = noun;
        this.serverSeed = serverSeed;
    }

    /**
     * An entry that fires whenever it is reached.
     *
     * @param times number of uses (at least 1), or null for unlimited
     * @throws FullException when {@link #CAPACITY} entries are already held
     */
    public Entry<T> add(T value, Integer times) {
        return add(value, times, Chance.ALWAYS, null);
    }

    /**
     * @param times       number of uses (at least 1), or null for unlimited
     * @param probability the chance it fires each time it is reached, in [0, 1]
     * @param seed        its seed for those draws, or null for the number in its id ({@code fault-3}: 3)
     * @throws FullException when {@link #CAPACITY} entries are already held
     */
    public synchronized Entry<T> add(T value, Integer times, double probability, Long seed) {
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times: must be at least 1, got " + times);
        }
        Chance.probability(probability);
        if (entries.size() >= CAPACITY) {
            throw new FullException(noun);
        }
        long number = nextId++;
        Entry<T> entry = new Entry<>(noun + "-" + number, value, times, probability, seed == null ? number : seed, 0);
        entries.add(entry);
        return entry;
    }

    public synchronized List<Entry<T>> list() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized boolean remove(String id) {
        return entries.removeIf(e -> e.id().equals(id));
    }

    /**
     * Reaches every entry whose value passes {@code test}: each draws, and those that fire are used once (dropped when
     * spent). Returns the values that fired, in order.
     */
    public synchronized List<T> useEach(Predicate<? super T> test) {
        List<T> used = new ArrayList<>();
        ListIterator<Entry<T>> it = entries.listIterator();
        while (it.hasNext()) {
            Entry<T> e = it.next();
            if (test.test(e.value()) && reach(it, e)) {
                used.add(e.value());
            }
        }
        return used;
    }

    /**
     * Reaches the entries whose value passes {@code test} in order until one fires; uses that one once (dropping it
     * when spent) and returns its value. Entries after it are not reached (they do not draw).
     */
    public synchronized Optional<T> useFirst(Predicate<? super T> test) {
        ListIterator<Entry<T>> it = entries.listIterator();
        while (it.hasNext()) {
            Entry<T> e = it.next();
            if (test.test(e.value()) && reach(it, e)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /** Draws for the entry under {@code at}; records the draw, and the use when it fires. */
    private boolean reach(ListIterator<Entry<T>> at, Entry<T> entry) {
        boolean fired = Chance.fires(serverSeed, entry.seed(), entry.reached(), entry.probability());
        Entry<T> after = entry.reachedOnce(fired);
        if (after.spent()) {
            at.remove();
        } else {
            at.set(after);
        }
        return fired;
    }
}
