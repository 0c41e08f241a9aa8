package io.friendlikit.mock.request;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.friendlikit.mock.wire.ChatRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ChatRequest is built by named setters only, and never with a component left out. */
class ChatRequestBuilderTest {

    @Test
    void everyComponentHasASetterOfItsTypeAndEachMarksItsOwnComponent() throws Exception {
        RecordComponent[] components = ChatRequest.class.getRecordComponents();
        for (RecordComponent left : components) {
            ChatRequest.Builder builder = ChatRequest.builder();
            for (RecordComponent c : components) {
                if (c != left) {
                    Method setter = ChatRequest.Builder.class.getMethod(c.getName(), c.getType());
                    setter.invoke(builder, sample(c.getType()));
                }
            }
            assertThatThrownBy(builder::build).as("built without " + left.getName())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("ChatRequest components never set: [" + left.getName() + "]");
        }
    }

    @Test
    void aBuilderWithEverySetterCalledBuilds() throws Exception {
        ChatRequest.Builder builder = ChatRequest.builder();
        for (RecordComponent c : ChatRequest.class.getRecordComponents()) {
            ChatRequest.Builder.class.getMethod(c.getName(), c.getType()).invoke(builder, sample(c.getType()));
        }
        assertThat(builder.build().n()).isEqualTo(1);
        assertThat(Arrays.stream(ChatRequest.Builder.class.getDeclaredMethods()).filter(m -> m.getName()
                .equals("build"))).hasSize(1);
    }

    @Test
    void onlyTheBuilderCallsTheCanonicalConstructor() {
        JavaClasses classes = new ClassFileImporter().importPackages("io.friendlikit.mock");
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName(ChatRequest.Builder.class.getName())
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                                        ChatRequest.class))))
                .because("positional construction of 29 components lets two values of one type trade places");
        rule.check(classes);
    }

    private static Object sample(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == double.class) {
            return 1.0;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == java.util.List.class) {
            return java.util.List.of();
        }
        if (type == java.util.Map.class) {
            return java.util.Map.of();
        }
        return null;
    }
}
