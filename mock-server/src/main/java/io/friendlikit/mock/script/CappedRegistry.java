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
     * @param remaining how many more uses it has, or null for every use until removed
     */
    public record Entry<T>(String id, T value, Integer remaining) {

        private Entry<T> usedOnce() {
            return remaining == null ? this : new Entry<>(id, value, remaining - 1);
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
    private final List<Entry<T>> entries = new ArrayList<>();
    private long nextId = 1;

    /** @param noun names entries in ids ({@code fault-1}) and messages */
    public CappedRegistry(String noun) {
        this(noun, "", CAPACITY);
    }

    /**
     * @param idPrefix put before every id ({@code alice:fault-1}), so ids of several registries differ
     * @param capacity most entries held at once
     */
    public CappedRegistry(String noun, String idPrefix, int capacity) {
        this.noun = noun;
        this.idPrefix = idPrefix;
        this.capacity = capacity;
    }

    /**
     * @param times number of uses (at least 1), or null for unlimited
     * @throws FullException when {@link #CAPACITY} entries are already held
     */
    public synchronized Entry<T> add(T value, Integer times) {
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times: must be at least 1, got " + times);
        }
        if (entries.size() >= capacity) {
            throw new FullException(noun, capacity);
        }
        Entry<T> entry = new Entry<>(idPrefix + noun + "-" + nextId++, value, times);
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

    /** Uses every entry whose value passes {@code test} once, dropping those spent; returns their values in order. */
    public synchronized List<T> useEach(Predicate<? super T> test) {
        List<T> used = new ArrayList<>();
        ListIterator<Entry<T>> it = entries.listIterator();
        while (it.hasNext()) {
            Entry<T> e = it.next();
            if (test.test(e.value())) {
                used.add(e.value());
                useOnce(it, e);
            }
        }
        return used;
    }

    /** Uses the first entry whose value passes {@code test} once (dropping it when spent) and returns its value. */
    public synchronized Optional<T> useFirst(Predicate<? super T> test) {
        ListIterator<Entry<T>> it = entries.listIterator();
        while (it.hasNext()) {
            Entry<T> e = it.next();
            if (test.test(e.value())) {
                useOnce(it, e);
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

    public synchronized int size() {
        return entries.size();
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

    private static <T> void useOnce(ListIterator<Entry<T>> at, Entry<T> entry) {
        Entry<T> used = entry.usedOnce();
        if (used.spent()) {
            at.remove();
        } else {
            at.set(used);
        }
    }
}
