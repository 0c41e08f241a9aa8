package io.friendlikit.mock.script;

import java.util.List;
import java.util.Optional;

/**
 * Scripted answers in two layers: those added through the admin API (or in code), and those loaded from fixture
 * files. Of the scenarios matching a request the one with the highest priority answers; on equal priority an
 * added scenario wins over a fixture, and within a layer the one added (or, for fixtures, listed) first. A
 * scenario with a count is removed once used up. {@link #clear()} (DELETE, reset) leaves the fixtures alone; only
 * a reload of the files replaces them. Thread-safe.
 *
 * <p>Matching takes only the {@link RequestView}; which scenarios a request may see at all (a session, a
 * scenario named by header) is for the caller to decide by choosing the registry it asks.
 */
public final class ScenarioRegistry {

    private final CappedRegistry<Scenario> scenarios;
    private final CappedRegistry<Scenario> fixtures = new CappedRegistry<>("fixture");

    /** The scenario that answers a request and the answer it gives this time. */
    public record Pick(Scenario scenario, Answer answer) {
    }

    public ScenarioRegistry() {
        scenarios = new CappedRegistry<>("scenario");
    }

    /** A registry whose ids start with {@code idPrefix} and that holds at most {@code capacity} scenarios. */
    public ScenarioRegistry(String idPrefix, int capacity) {
        scenarios = new CappedRegistry<>("scenario", idPrefix, capacity);
    }

    /**
     * @param times how many requests it answers (at least 1), or null for every matching request until removed
     * @throws CappedRegistry.FullException when {@link CappedRegistry#CAPACITY} scenarios are active
     */
    public CappedRegistry.Entry<Scenario> add(Scenario scenario, Integer times) {
        return scenarios.add(scenario, times);
    }

    /** The scenarios added through the admin API or in code, first added first. */
    public List<CappedRegistry.Entry<Scenario>> list() {
        return scenarios.list();
    }

    /** How many scenarios were added (fixtures not counted). */
    public int size() {
        return scenarios.size();
    }

    /**
     * The scenario with this id (added or loaded from a fixture), whatever it matches, one of its uses consumed,
     * with its answer for this use; empty if none has the id.
     */
    public Optional<Pick> byId(String id) {
        Optional<Scenario> named = scenarios.useById(id);
        if (named.isEmpty()) {
            named = fixtures.useById(id);
        }
        return named.map(s -> new Pick(s, s.nextAnswer()));
    }

    /** The scenarios loaded from fixture files, in the order of the files. */
    public List<CappedRegistry.Entry<Scenario>> fixtures() {
        return fixtures.list();
    }

    /**
     * Replaces the fixture scenarios (a load or reload of the fixture files); each starts afresh.
     *
     * @param times the uses of each, null for unlimited; as long as {@code loaded}
     */
    public List<CappedRegistry.Entry<Scenario>> replaceFixtures(List<Scenario> loaded, List<Integer> times) {
        return fixtures.replaceAll(loaded, times);
    }

    /** Removes the added scenarios (not the fixtures). */
    public void clear() {
        scenarios.clear();
    }

    public boolean remove(String id) {
        return scenarios.remove(id) || fixtures.remove(id);
    }

    /** The scenario answering this request, consuming one of its uses, and its answer for this match. */
    public synchronized Optional<Pick> match(RequestView request) {
        Optional<Scenario> fixture = fixtures.peekBest(s -> s.matches(request), Scenario::priority);
        int atLeast = fixture.map(Scenario::priority).orElse(Integer.MIN_VALUE);
        Optional<Scenario> chosen = scenarios.useBest(s -> s.matches(request), Scenario::priority, atLeast);
        if (chosen.isEmpty() && fixture.isPresent()) {
            chosen = fixtures.useBest(s -> s.matches(request), Scenario::priority, atLeast);
        }
        return chosen.map(s -> new Pick(s, s.nextAnswer()));
    }
}
