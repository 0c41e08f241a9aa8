package io.friendlikit.mock.admin;

import io.friendlikit.mock.script.CappedRegistry;
import io.friendlikit.mock.script.Scenario;

import java.util.List;

/** {@code GET /__admin/scenarios}: the scripted answers (global, or of the {@code X-Mock-Session}), first match first. */
public final class ListScenarios implements AdminTask {

    public record Answer(List<Item> scenarios) implements AdminView {
    }

    /** One scenario in the shape it was added in, with its id and the uses left ({@code times}, absent: unlimited). */
    public record Item(String id, AddScenario.Match match, AddScenario.Reply reply, Integer times)
            implements AdminView {

        static Item of(CappedRegistry.Entry<Scenario> entry) {
            Scenario s = entry.value();
            return new Item(entry.id(), new AddScenario.Match(s.contains(), s.model()),
                    AddScenario.Reply.of(s.reply()), entry.remaining());
        }
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        return AdminAnswer.ok(new Answer(Scoped.scenarios(admin, request).map(r -> r.list().stream()
                .map(Item::of).toList()).orElse(List.of())));
    }
}
