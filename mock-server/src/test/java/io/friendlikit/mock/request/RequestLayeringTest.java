package io.friendlikit.mock.request;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The field table sits below the validator and the engine: it knows the wire records and nothing else. */
class RequestLayeringTest {

    @Test
    void requestDependsOnlyOnTheWireRecords() {
        noClasses().that().resideInAPackage("..mock.request..")
                .should().dependOnClassesThat(resideInAPackage("io.friendlikit.mock..")
                        .and(DescribedPredicate.not(resideInAnyPackage("..mock.request..", "..mock.wire.."))))
                .because("validation/ and engine/ read the table; the table must not read them")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.friendlikit.mock"));
    }
}
