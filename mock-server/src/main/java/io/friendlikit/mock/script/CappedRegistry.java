package io.friendlikit.mock.script;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

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
        FullException(String noun, int capacity) {
            super("at most " + capacity + " " + noun + "s may be active; DELETE some first");
        }
    }

    private final String noun;
    private final String idPrefix;
    private final int capacity;
    private final long serverSeed;
    private final List<Entry<T>> entries = new ArrayList<>();
    private long nextId = 1;

    /** @param noun names entries in ids ({@code fault-1}) and messages */
    public CappedRegistry(String noun) {
        this(noun, "", CAPACITY, 0);
    }

    /**
     * @param noun       names entries in ids ({@code fault-1}) and messages
     * @param serverSeed the server's seed, mixed into every draw of a probability
     */
    public CappedRegistry(String noun, long serverSeed) {
        this(noun, "", CAPACITY, serverSeed);
    }

    /**
     * @param idPrefix put before every id ({@code alice:fault-1}), so ids of several registries differ
     * @param capacity most entries held at once
     */
    public CappedRegistry(String noun, String idPrefix, int capacity) {
        this(noun, idPrefix, capacity, 0);
    }

    /**
     * @param idPrefix   put before every id ({@code alice:fault-1}), so ids of several registries differ
     * @param capacity   most entries held at once
     * @param serverSeed the server's seed, mixed into every draw of a probability
     */
    public CappedRegistry(String noun, String idPrefix, int capacity, long serverSeed) {
        this.noun = noun;
        this.idPrefix = idPrefix;
        this.capacity = capacity;
        this.serverSeed = serverSeed;
    }

    /**
     * An entry that fires whenever it is reached.
     *
     * @param times number of uses (at least 1), or null for unlimited
     * @throws FullException when the registry's capacity is already held
     */
    public Entry<T> add(T value, Integer times) {
        return add(value, times, Chance.ALWAYS, null);
    }

    /**
     * @param times       number of uses (at least 1), or null for unlimited
     * @param probability the chance it fires each time it is reached, in [0, 1]
     * @param seed        its seed for those draws, or null for the number in its id ({@code fault-3}: 3)
     * @throws FullException when the registry's capacity is already held
     */
    public synchronized Entry<T> add(T value, Integer times, double probability, Long seed) {
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times: must be at least 1, got " + times);
        }
        Chance.probability(probability);
        if (entries.size() >= capacity) {
            throw new FullException(noun, capacity);
        }
        long number = nextId++;
        Entry<T> entry = new Entry<>(idPrefix + noun + "-" + number, value, times, probability,
                seed == null ? number : seed, 0);
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

    public synchronized int size() {
        return entries.size();
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

    /** Uses the entry with this id once (dropping it when spent) and returns its value; empty if none has it. */
    public synchronized Optional<T> useById(String id) {
        ListIterator<Entry<T>> it = entries.listIterator();
        while (it.hasNext()) {
            Entry<T> e = it.next();
            if (e.id().equals(id)) {
                useOnce(it, e);
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /**
     * Uses once the passing entry of the highest {@code rank} (the earliest of equal rank), if its rank is at
     * least {@code atLeast}, and returns its value.
     */
    public synchronized Optional<T> useBest(Predicate<? super T> test, ToIntFunction<? super T> rank, int atLeast) {
        int best = indexOfBest(test, rank, atLeast);
        if (best < 0) {
            return Optional.empty();
        }
        ListIterator<Entry<T>> it = entries.listIterator(best);
        Entry<T> e = it.next();
        useOnce(it, e);
        return Optional.of(e.value());
    }

    /** As {@link #useBest} without using it. */
    public synchronized Optional<T> peekBest(Predicate<? super T> test, ToIntFunction<? super T> rank) {
        int best = indexOfBest(test, rank, Integer.MIN_VALUE);
        return best < 0 ? Optional.empty() : Optional.of(entries.get(best).value());
    }

    private int indexOfBest(Predicate<? super T> test, ToIntFunction<? super T> rank, int atLeast) {
        int best = -1;
        int bestRank = 0;
        for (int i = 0; i < entries.size(); i++) {
            T value = entries.get(i).value();
            int r = rank.applyAsInt(value);
            if (r >= atLeast && (best < 0 || r > bestRank) && test.test(value)) {
                best = i;
                bestRank = r;
            }
        }
        return best;
    }

    /** Replaces every entry by {@code values}, each with its uses; ids go on counting. */
    public synchronized List<Entry<T>> replaceAll(List<T> values, List<Integer> times) {
        if (values.size() > capacity) {
            throw new FullException(noun, capacity);
        }
        entries.clear();
        for (int i = 0; i < values.size(); i++) {
            add(values.get(i), times.get(i));
        }
        return List.copyOf(entries);
    }

    /** Draws for the entry under {@code at}; records the draw, and the use when it fires. */
    private boolean reach(ListIterator<Entry<T>> at, Entry<T> entry) {
        boolean fired = Chance.fires(serverSeed, entry.seed(), entry.reached(), entry.probability());
        store(at, entry.reachedOnce(fired));
        return fired;
    }

    /** Uses the entry under {@code at} once, without a draw (a scenario chosen by its matchers or its id). */
    private static <T> void useOnce(ListIterator<Entry<T>> at, Entry<T> entry) {
        store(at, entry.reachedOnce(true));
    }

    private static <T> void store(ListIterator<Entry<T>> at, Entry<T> after) {
        if (after.spent()) {
            at.remove();
        } else {
            at.set(after);
        }
    }
}
