package io.friendlikit.mock.script;

import io.friendlikit.mock.generation.CannedReply;
import io.friendlikit.mock.wire.ChatMessage;
import io.friendlikit.mock.wire.ChatRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Scripted answers, first match wins. Thread-safe. */
public final class ScenarioRegistry {

    private final List<Scenario> scenarios = new ArrayList<>();
    private long nextId = 1;

    /** More than this many at once is refused (a script that loops by mistake should not fill the heap). */
    public static final int CAPACITY = 10_000;

    public synchronized Scenario add(String contains, String model, CannedReply reply, Integer times) {
        if (scenarios.size() >= CAPACITY) {
            throw new IllegalArgumentException("at most " + CAPACITY + " scenarios may be active; DELETE some first");
        }
        Scenario s = new Scenario("scenario-" + nextId++, contains, model, reply, times);
        scenarios.add(s);
        return s;
    }

    public synchronized List<Scenario> list() {
        return List.copyOf(scenarios);
    }

    public synchronized void clear() {
        scenarios.clear();
    }

    /** The reply for this request, consuming one use of the matching scenario. */
    public synchronized Optional<Scenario> match(ChatRequest request) {
        String lastUser = null;
        for (ChatMessage m : request.messages()) {
            if ("user".equals(m.role())) {
                lastUser = m.text();
            }
        }
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            boolean modelOk = s.model() == null || s.model().equals(request.model());
            boolean textOk = s.contains() == null || (lastUser != null
                    && lastUser.toLowerCase(Locale.ROOT).contains(s.contains().toLowerCase(Locale.ROOT)));
            if (modelOk && textOk) {
                if (s.remaining() != null) {
                    if (s.remaining() <= 1) {
                        scenarios.remove(i);
                    } else {
                        scenarios.set(i, new Scenario(s.id(), s.contains(), s.model(), s.reply(), s.remaining() - 1));
                    }
                }
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
