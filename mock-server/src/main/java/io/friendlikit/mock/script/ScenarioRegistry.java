package io.friendlikit.mock.script;

import io.friendlikit.mock.wire.ChatMessage;
import io.friendlikit.mock.wire.ChatRequest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Scripted answers, first match wins. Thread-safe; a scenario with a count is removed once used up. */
public final class ScenarioRegistry {

    private final CappedRegistry<Scenario> scenarios;

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

    public List<CappedRegistry.Entry<Scenario>> list() {
        return scenarios.list();
    }

    public int size() {
        return scenarios.size();
    }

    /** The scenario with this id, whatever it matches, consuming one of its uses; empty if none has the id. */
    public Optional<Scenario> byId(String id) {
        return scenarios.useById(id);
    }

    public void clear() {
        scenarios.clear();
    }

    public boolean remove(String id) {
        return scenarios.remove(id);
    }

    /** The scenario answering this request, consuming one of its uses. */
    public Optional<Scenario> match(ChatRequest request) {
        String lastUser = null;
        for (ChatMessage m : request.messages()) {
            if ("user".equals(m.role())) {
                lastUser = m.text() == null ? null : m.text().toLowerCase(Locale.ROOT);
            }
        }
        String text = lastUser;
        return scenarios.useFirst(s -> s.matches(request.model(), text));
    }
}
