package io.friendlikit.mock.validation;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RuleId} is the one list of rule ids the mock answers, and {@code features/README.md} maps every one. */
class RuleIdRegistryTest {

    private static final Path FEATURES_README = Path.of("..", "features", "README.md");
    private static final String SECTION = "## Mock rule ids";

    /** First cell of every table row, with the second cell, between the heading and the next heading. */
    private static Map<String, String> rows(List<String> lines, boolean inSection) {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean in = !inSection;
        for (String line : lines) {
            if (line.startsWith("#")) {
                if (inSection && in) {
                    break;
                }
                in = inSection ? line.equals(SECTION) : !line.equals(SECTION) && in;
                continue;
            }
            if (in && line.startsWith("| ") && !line.startsWith("|---")) {
                String[] cells = line.substring(1).split("\\|");
                String id = cells[0].trim();
                if (id.matches("[A-Z][A-Z0-9-]*") && rows.put(id, cells[1].trim()) != null) {
                    throw new AssertionError("row listed twice in features/README.md: " + id);
                }
            }
        }
        return rows;
    }

    @Test
    void everyMockRuleIdIsMappedInTheFeaturesReadmeAndNothingElse() throws IOException {
        List<String> lines = Files.readAllLines(FEATURES_README, StandardCharsets.UTF_8);
        assertThat(lines).as("features/README.md has the section " + SECTION).contains(SECTION);
        Set<String> mapped = rows(lines, true).keySet();
        Set<String> registry = Arrays.stream(RuleId.values()).map(RuleId::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(mapped)).as("mock rule ids in features/README.md '%s'", SECTION)
                .isEqualTo(registry);
    }

    @Test
    void everyKitRuleAMockRuleImplementsExists() throws IOException {
        List<String> lines = Files.readAllLines(FEATURES_README, StandardCharsets.UTF_8);
        Set<String> kitRules = rows(lines, false).keySet();
        assertThat(kitRules).as("the kit's rule table").contains("VAL-05", "XF-01", "AUTH-01");
        List<String> unknown = new ArrayList<>();
        rows(lines, true).forEach((mock, kit) -> {
            for (String rule : kit.split(",\\s*")) {
                if (!rule.equals("—") && !kitRules.contains(rule)) {
                    unknown.add(mock + " -> " + rule);
                }
            }
        });
        assertThat(unknown).as("kit rules named in '%s' that the kit's table does not list", SECTION).isEmpty();
    }

    @Test
    void aViolationRefusesAnIdOutsideTheRegistry() {
        assertThat(new Violation("top_p", "m", "out_of_range", "VAL-RANGE").rule()).isEqualTo("VAL-RANGE");
        assertThatThrownBy(() -> new Violation("top_p", "m", "out_of_range", "VAL-05"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VAL-05");
        assertThat(RuleId.of("MOCK-LIMIT")).contains(RuleId.MOCK_LIMIT);
    }

    /** The ids are compile-time constants, so a literal elsewhere shows only in the class files' constant pools. */
    @Test
    void noMainClassSpellsARuleIdExceptTheRegistry() throws IOException {
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.friendlikit.mock")) {
            String pool = classFile(c);
            if (c.getName().equals(RuleId.class.getName())) {
                assertThat(pool).as("the scan does find the ids in RuleId").contains("VAL-RANGE", "MOCK-LIMIT");
                continue;
            }
            for (RuleId id : RuleId.values()) {
                if (pool.contains(id.id())) {
                    offenders.add(c.getName() + ": " + id.id());
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(offenders).as("rule id literals outside RuleId").isEmpty();
    }

    private static String classFile(JavaClass c) throws IOException {
        try (InputStream in = c.getSource().orElseThrow().getUri().toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
