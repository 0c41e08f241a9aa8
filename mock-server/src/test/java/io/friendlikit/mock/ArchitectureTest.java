package io.friendlikit.mock;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.friendlikit.mock.http.SseWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layering of the mock (docs/ARCHITECTURE.md): HTTP stays in {@code http}, SSE framing in {@link SseWriter}, the
 * wire model and the delivery values are leaves, the stages are internal to the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final String SSE_WRITER = SseWriter.class.getName();

    private JavaClasses classes;

    @BeforeAll
    void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.friendlikit.mock");
    }

    @Test
    void importFoundTheMainCode() {
        assertThat(classes.contain(SseWriter.class)).isTrue();
        assertThat(classes.contain(MockServer.class)).isTrue();
        assertThat(classes.stream().map(JavaClass::getName)).noneMatch(n -> n.endsWith("Test"));
    }

    @Test
    void coreLayersDoNotDependOnTheHttpServer() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("..wire..", "..engine..", "..generation..", "..validation..",
                        "..script..", "..catalog..", "..config..", "..errors..", "..delivery..", "..admin..",
                        "..metrics..", "..verdict..", "..recording..", "..drift..", "..page..")
                .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "org.xnio..")
                .because("only io.friendlikit.mock.http (and the MockServer/Main entry points) know Undertow");
        rule.check(classes);
    }

    @Test
    void onlySseWriterEncodesFrames() {
        DescribedPredicate<JavaClass> notSseWriter = DescribedPredicate.describe(
                "are not SseWriter or nested in it",
                c -> !c.getName().equals(SSE_WRITER) && !c.getName().startsWith(SSE_WRITER + "$"));
        ArchRule rule = noClasses()
                .that(notSseWriter)
                .should().callMethod(SseWriter.class, "frame", String.class)
                .because("SseWriter is the only class that writes server-sent event frames");
        rule.check(classes);
    }

    /**
     * The frame prefix {@code "data: "} is a compile-time constant, so a class that builds frames by hand would
     * not show up as a dependency; look for the literal in the constant pool of every class file instead.
     */
    @Test
    void noOtherClassContainsTheFramePrefixLiteral() throws IOException {
        List<String> offenders = new ArrayList<>();
        byte[] prefix = "data: ".getBytes(StandardCharsets.UTF_8);
        int checked = 0;
        for (JavaClass c : classes) {
            if (c.getName().equals(SSE_WRITER) || c.getName().startsWith(SSE_WRITER + "$")) {
                continue;
            }
            URI location = c.getSource().orElseThrow().getUri();
            try (InputStream in = location.toURL().openStream()) {
                if (indexOf(in.readAllBytes(), prefix) >= 0) {
                    offenders.add(c.getName());
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(offenders).as("classes holding the SSE frame prefix literal").isEmpty();

        try (InputStream in = classes.get(SseWriter.class).getSource().orElseThrow().getUri().toURL().openStream()) {
            assertThat(indexOf(in.readAllBytes(), prefix)).as("the scan does find the literal in SseWriter")
                    .isNotNegative();
        }
    }

    @Test
    void wireDependsOnNothingElseOfTheMock() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("..wire..")
                .should().dependOnClassesThat(resideInAPackage("io.friendlikit.mock..")
                        .and(DescribedPredicate.not(resideInAPackage("..wire.."))))
                .because("the wire records are the leaf of the dependency graph");
        rule.check(classes);
    }

    @Test
    void coreLayersDoNotDependOnTheHttpPackage() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("..wire..", "..engine..", "..generation..", "..validation..",
                        "..script..", "..catalog..", "..config..", "..errors..", "..delivery..", "..admin..",
                        "..metrics..", "..verdict..", "..recording..", "..drift..", "..page..")
                .should().dependOnClassesThat(resideInAnyPackage("io.friendlikit.mock.http.."));
        rule.check(classes);
    }

    @Test
    void deliveryDependsOnNothingElseOfTheMock() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("..delivery..")
                .should().dependOnClassesThat(resideInAPackage("io.friendlikit.mock..")
                        .and(DescribedPredicate.not(resideInAPackage("..delivery.."))))
                .because("a stream plan, pacing and the stream budget are plain values both the engine and http use");
        rule.check(classes);
    }

    @Test
    void metricsDependOnNothingElseOfTheMock() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("..metrics..")
                .should().dependOnClassesThat(resideInAPackage("io.friendlikit.mock..")
                        .and(DescribedPredicate.not(resideInAPackage("..metrics.."))))
                .because("the engine and http report to the metrics through plain values (ExchangeObserver)");
        rule.check(classes);
    }

    @Test
    void onlyTheMetricsPackageKnowsMicrometer() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackages("io.friendlikit.mock.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..")
                .because("the meters, their names and labels live in MockMetrics; the rest calls ExchangeObserver");
        rule.check(classes);
    }

    @Test
    void theStagesAreReachedOnlyThroughTheEngine() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackages("io.friendlikit.mock.engine..")
                .should().dependOnClassesThat(resideInAPackage("io.friendlikit.mock.engine.stages.."))
                .because("ChatService runs the stages; http and the rest see only Exchange and Outcome");
        rule.check(classes);
    }

    @Test
    void faultsAndRegistriesDoNotKnowTheEngine() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("..script..", "..delivery..", "..generation..", "..validation..",
                        "..wire..", "..catalog..", "..errors..", "..config..", "..metrics..", "..verdict..")
                .should().dependOnClassesThat(resideInAPackage("io.friendlikit.mock.engine.."))
                .because("the engine uses them; faults act on delivery and wire values handed to them at a phase");
        rule.check(classes);
    }

    @Test
    void theVerdictReadsTheJournalOnly() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("..verdict..")
                .should().dependOnClassesThat(resideInAnyPackage("io.friendlikit.mock.admin..",
                        "io.friendlikit.mock.engine..", "io.friendlikit.mock.http..", "io.friendlikit.mock.generation..",
                        "io.friendlikit.mock.config.."))
                .because("the verdict grades what the journal recorded; the admin API serves it");
        rule.check(classes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
