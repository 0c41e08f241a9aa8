package io.friendlikit.mock.junit5;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin client speaks only the documented HTTP contract: it knows no class of the mock server, nor JUnit. */
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> MOCK_OR_JUNIT = resideInAPackage("io.friendlikit.mock..")
            .and(DescribedPredicate.not(resideInAPackage("io.friendlikit.mock.junit5..")))
            .or(resideInAPackage("org.junit.."))
            .as("classes of the mock server or of JUnit");

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.friendlikit.mock.junit5");

    @Test
    void theAdminClientImportsNoMockServerClass() {
        onlyHttp(noClasses().that().haveSimpleNameStartingWith("Admin")
                .or().haveSimpleNameStartingWith("FaultSpec")
                .or().haveSimpleNameStartingWith("ScenarioSpec")).check(main);
    }

    @Test
    void theRuleWouldCatchAClassThatUsesTheServer() {
        ArchRule extension = onlyHttp(noClasses().that().haveSimpleName("FriendliMockExtension"));
        assertThatThrownBy(() -> extension.check(main)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.friendlikit.mock.MockServer");
    }

    private static ArchRule onlyHttp(GivenClassesConjunction classes) {
        return classes.should().dependOnClassesThat(MOCK_OR_JUNIT)
                .because("a test drives the mock through AdminClient as a non-Java user would, over HTTP");
    }
}
