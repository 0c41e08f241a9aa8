package io.friendlikit.conformance;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The kit speaks only HTTP; its shipped code never touches the mock's classes. */
class KitArchitectureTest {

    private final JavaClasses mainClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.friendlikit.conformance");

    @Test
    void mainCodeDoesNotDependOnTheMock() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.friendlikit.mock..")
                .because("the kit must run against any server; mock control goes through the admin HTTP API")
                .check(mainClasses);
    }

    @Test
    void onlyThePlainClientUsesRestAssured() {
        noClasses().that().doNotHaveFullyQualifiedName("io.friendlikit.conformance.http.PlainClient")
                .should().dependOnClassesThat().resideInAPackage("io.restassured..")
                .because("requests are built per scenario in one place, never through REST Assured's static globals")
                .check(mainClasses);
    }
}
