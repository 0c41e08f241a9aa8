package io.friendlikit.mock.admin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.friendlikit.mock.script.CappedRegistry;
import io.friendlikit.mock.script.Fault;

import java.util.List;

/** {@code GET /__admin/faults}: the active faults (global, or of the {@code X-Mock-Session}) in the order they apply. */
public final class ListFaults implements AdminTask {

    public record Answer(List<Item> faults) implements AdminView {
    }

    /**
     * One fault as it was added: its id, {@code type}, its parameters beside them, the uses left ({@code times},
     * absent when unlimited), its {@code probability} and {@code seed}.
     */
    public record Item(String id, String type, @JsonUnwrapped Fault fault, Integer times, double probability,
                       long seed) implements AdminView {

        static Item of(CappedRegistry.Entry<Fault> entry) {
            return new Item(entry.id(), entry.value().type(), entry.value(), entry.remaining(), entry.probability(),
                    entry.seed());
        }
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        return AdminAnswer.ok(new Answer(Scoped.faults(admin, request).map(r -> r.list().stream().map(Item::of)
                .toList()).orElse(List.of())));
    }
}
