package io.friendlikit.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.script.CappedRegistry;
import io.friendlikit.mock.script.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /__admin/scenarios}: the scripted answers, added ones first (in the order added), then those of the
 * fixture files (with their {@code source}); with {@code X-Mock-Session}, that session's only (fixtures are global).
 */
public final class ListScenarios implements AdminTask {

    public record Answer(List<JsonNode> scenarios) implements AdminView {
    }

    /**
     * One scenario in the shape it was added in (defaults filled in), with its id, the uses left ({@code times},
     * absent: unlimited), the requests it has answered ({@code matched}) and, for a fixture, its file.
     */
    static JsonNode item(CappedRegistry.Entry<Scenario> entry) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("id", entry.id());
        Scenario s = entry.value();
        JsonNode definition = s.definition();
        if (definition != null && definition.isObject()) {
            item.setAll((ObjectNode) definition);
        } else if (s.name() != null) {
            item.put("name", s.name());
        }
        if (entry.remaining() != null) {
            item.put("times", entry.remaining());
        }
        item.put("matched", s.matches());
        if (s.source() != null) {
            item.put("source", s.source());
        }
        return item;
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        List<JsonNode> items = new ArrayList<>();
        if (request.session().isPresent()) {
            Scoped.scenarios(admin, request).ifPresent(r -> r.list().forEach(e -> items.add(item(e))));
        } else {
            admin.scenarios().list().forEach(e -> items.add(item(e)));
            admin.scenarios().fixtures().forEach(e -> items.add(item(e)));
        }
        return AdminAnswer.ok(new Answer(items));
    }
}
