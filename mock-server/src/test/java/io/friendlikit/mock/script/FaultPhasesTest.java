package io.friendlikit.mock.script;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault type acts at the one phase it declares: it overrides that phase's hook and no other, and the
 * admin API document gives the same phase.
 */
class FaultPhasesTest {

    private static final Map<Fault.Phase, String> HOOK = Map.of(
            Fault.Phase.BEFORE_HEADERS, "beforeHeaders",
            Fault.Phase.VALIDATION, "skipsValidation",
            Fault.Phase.PACING, "pacing",
            Fault.Phase.USAGE, "usage",
            Fault.Phase.CHUNKS, "chunks",
            Fault.Phase.FRAMES, "stream",
            Fault.Phase.END_OF_STREAM, "stream",
            Fault.Phase.PLAIN_BODY, "delivery",
            Fault.Phase.DELIVERY, "delivery");

    /** One instance of every variant of the sealed interface, built with zero / null components. */
    static List<Fault> everyVariant() throws ReflectiveOperationException {
        List<Fault> out = new ArrayList<>();
        for (Class<?> c : Fault.class.getPermittedSubclasses()) {
            RecordComponent[] components = c.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] values = Arrays.stream(types).map(FaultPhasesTest::zero).toArray();
            out.add((Fault) c.getDeclaredConstructor(types).newInstance(values));
        }
        return out;
    }

    private static Object zero(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    @Test
    void eachFaultOverridesExactlyTheHookOfItsPhase() throws ReflectiveOperationException {
        Set<String> hooks = Set.copyOf(HOOK.values());
        List<Fault> faults = everyVariant();
        assertThat(faults).hasSizeGreaterThanOrEqualTo(11);
        for (Fault f : faults) {
            Set<String> overridden = Arrays.stream(f.getClass().getDeclaredMethods()).map(Method::getName)
                    .filter(hooks::contains).collect(Collectors.toSet());
            assertThat(overridden).as("hooks overridden by %s (phase %s)", f.type(), f.phase())
                    .containsExactly(HOOK.get(f.phase()));
        }
    }

    @Test
    void theAdminApiDocumentGivesEachTypeItsPhase() throws Exception {
        Map<String, String> documented = documentedPhases();
        Map<String, String> declared = new LinkedHashMap<>();
        for (Fault f : everyVariant()) {
            declared.put(f.type(), f.phase().label());
        }
        assertThat(documented).as("the Phase column of mock-server/ADMIN-API.md").isEqualTo(declared);
    }

    /** The rows of the fault table: {@code | `type` | parameters | phase | effect |}. */
    private static Map<String, String> documentedPhases() throws IOException {
        Path doc = Path.of("ADMIN-API.md");
        if (!Files.exists(doc)) {
            doc = Path.of("mock-server", "ADMIN-API.md");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(doc)) {
            String[] cells = line.split("\\|");
            if (cells.length >= 5 && cells[1].trim().matches("`[a-z_]+`") && !cells[1].contains("type")) {
                String type = cells[1].trim().replace("`", "");
                String phase = cells[3].trim();
                if (Arrays.stream(Fault.Phase.values()).anyMatch(p -> p.label().equals(phase))) {
                    out.put(type, phase);
                }
            }
        }
        return out;
    }
}
