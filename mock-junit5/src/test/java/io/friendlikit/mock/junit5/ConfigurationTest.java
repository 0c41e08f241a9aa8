package io.friendlikit.mock.junit5;

import io.friendlikit.mock.MockServer;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The annotation's settings reach the server; bad ones fail the class with a message naming them. */
class ConfigurationTest {

    @Test
    void attributesAndSettingsReachTheServer() {
        Samples.run(ConfiguredSample.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void aBadSettingValueNamesTheSettingAndItsRule() {
        assertThat(containerFailure(BadValueSample.class))
                .startsWith("@FriendliMock on BadValueSample: settings \"journal-size\": 'lots' ")
                .contains("integer");
    }

    @Test
    void anUnknownSettingListsTheKnownOnes() {
        assertThat(containerFailure(UnknownSettingSample.class))
                .startsWith("@FriendliMock on UnknownSettingSample: settings: no setting 'jornal-size'; known: port,")
                .contains("journal-size");
    }

    @Test
    void aBadAdminTokenNamesTheAttribute() {
        assertThat(containerFailure(BadAdminTokenSample.class))
                .startsWith("@FriendliMock on BadAdminTokenSample: adminToken: 'two words' ")
                .contains("visible ASCII");
    }

    @Test
    void anAdminTokenGivenInSettingsIsSentByTheInjectedClientToo() {
        Samples.run(SettingsAdminTokenSample.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void anEntryWithoutEqualsSignIsRefused() {
        assertThat(containerFailure(MalformedEntrySample.class)).contains("settings entry 'strict' must be name=value");
    }

    @Test
    void thePortIsTheExtensionsToChoose() {
        assertThat(containerFailure(PortSample.class)).contains("settings: 'port' is chosen by the extension");
    }

    @Test
    void failOnViolationsNeedsAJournal() {
        assertThat(containerFailure(NoJournalSample.class))
                .contains("failOnViolations reads the journal, but journal-size is 0");
    }

    @Test
    void aStaticFieldCannotHoldAPerMethodServer() {
        assertThat(containerFailure(StaticPerMethodSample.class))
                .contains("static field 'server' cannot hold a server that exists only during one test");
    }

    @Test
    void aUriWithoutMockUriIsRefusedWithTheChoices() {
        assertThat(testFailure(UnannotatedUriSample.class)).contains("parameter 'base' of test: the mock has several "
                + "URIs; annotate it with @MockUri (the serverless base URL), @MockUri(MockUri.Kind.DEDICATED)");
    }

    @Test
    void anAdminClientNeedsTheAdminApi() {
        assertThat(testFailure(NoAdminSample.class)).contains("the admin API is switched off (admin=false");
    }

    @Test
    void aPerMethodServerDoesNotExistInBeforeAll() {
        assertThat(containerFailure(PerMethodBeforeAllSample.class))
                .contains("is resolved outside a test, where no server exists");
    }

    @Test
    void withoutTheAnnotationTheExtensionUsesItsDefaults() {
        Samples.run(ExtendWithSample.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    private static String containerFailure(Class<?> sample) {
        EngineExecutionResults results = Samples.run(sample);
        results.testEvents().assertStatistics(s -> s.succeeded(0));
        return firstFailure(results.containerEvents().failed().list().stream().findFirst(), sample);
    }

    private static String testFailure(Class<?> sample) {
        EngineExecutionResults results = Samples.run(sample);
        return firstFailure(results.testEvents().failed().list().stream().findFirst(), sample);
    }

    private static String firstFailure(java.util.Optional<Event> event, Class<?> sample) {
        Throwable thrown = event.orElseThrow(() -> new AssertionError(sample.getSimpleName() + " did not fail"))
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        return thrown.getMessage();
    }

    @Sample
    @FriendliMock(seed = 77, tokens = {"flp_a", "flp_b"}, teams = "team-1", firstTokenMs = 20, interTokenMs = 5,
            settings = {"journal-size = 2", "strict=false", "rate-limit-rpm=100"})
    static class ConfiguredSample {

        @org.junit.jupiter.api.Test
        void serverHasTheSettings(MockServer server, @MockUri URI base) {
            assertThat(server.config().seed()).isEqualTo(77);
            assertThat(server.config().tokens()).isEqualTo(Set.of("flp_a", "flp_b"));
            assertThat(server.config().teams()).isEqualTo(Set.of("team-1"));
            assertThat(server.config().firstTokenMs()).isEqualTo(20);
            assertThat(server.config().interTokenMs()).isEqualTo(5);
            assertThat(server.config().journalSize()).isEqualTo(2);
            assertThat(server.config().strictUnknownFields()).isFalse();
            assertThat(server.config().rateLimitRpm()).isEqualTo(100);

            HttpResponse<String> wrongToken = Chat.post(base, Chat.VALID, "flp_other");
            assertThat(wrongToken.statusCode()).isEqualTo(401);
            assertThat(Chat.post(base, Chat.VALID, "flp_b").statusCode()).isEqualTo(200);
            assertThat(Chat.post(base, Chat.VALID.replace("}", ",\"not_a_field\":1}"), "flp_a").statusCode())
                    .as("strict=false ignores unknown fields").isEqualTo(200);
            assertThat(server.journal().entries()).as("journal-size 2").hasSize(2);
        }
    }

    @Sample
    @FriendliMock(settings = "journal-size=lots")
    static class BadValueSample {
        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    @Sample
    @FriendliMock(settings = "jornal-size=5")
    static class UnknownSettingSample {
        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    @Sample
    @FriendliMock(adminToken = "two words")
    static class BadAdminTokenSample {
        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    @Sample
    @FriendliMock(adminToken = "from-attribute", settings = "admin-token=from-settings")
    static class SettingsAdminTokenSample {
        @org.junit.jupiter.api.Test
        void test(MockServer server, AdminClient admin) {
            assertThat(server.config().adminToken()).isEqualTo("from-settings");
            assertThat(admin.health().kind()).isEqualTo("friendli-mock");
        }
    }

    @Sample
    @FriendliMock(settings = "strict")
    static class MalformedEntrySample {
        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    @Sample
    @FriendliMock(settings = "port=8080")
    static class PortSample {
        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    @Sample
    @FriendliMock(failOnViolations = true, settings = "journal-size=0")
    static class NoJournalSample {
        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    @Sample
    @FriendliMock(lifecycle = FriendliMock.Lifecycle.PER_METHOD)
    static class StaticPerMethodSample {
        @FriendliMock.Inject
        static MockServer server;

        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    @Sample
    @FriendliMock
    static class UnannotatedUriSample {
        @org.junit.jupiter.api.Test
        void test(URI base) {
        }
    }

    @Sample
    @FriendliMock(settings = "admin=false")
    static class NoAdminSample {
        @org.junit.jupiter.api.Test
        void test(AdminClient admin) {
        }
    }

    @Sample
    @FriendliMock(lifecycle = FriendliMock.Lifecycle.PER_METHOD)
    static class PerMethodBeforeAllSample {
        @org.junit.jupiter.api.BeforeAll
        static void setUp(MockServer server) {
        }

        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    @Sample
    @org.junit.jupiter.api.extension.ExtendWith(FriendliMockExtension.class)
    static class ExtendWithSample {
        @org.junit.jupiter.api.Test
        void test(MockServer server, AdminClient admin) {
            assertThat(server.config().seed()).isZero();
            assertThat(admin.health().kind()).isEqualTo("friendli-mock");
        }
    }
}
