package io.friendlikit.mock.junit5;

import io.friendlikit.mock.MockServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Every injectable type, through parameters, constructors and fields, on a shared (per-class) server. */
@FriendliMock(seed = 9)
class InjectionTest {

    @FriendliMock.Inject
    static MockServer sharedServer;
    @MockUri(MockUri.Kind.ROOT)
    static URI sharedRoot;
    static MockServer seenInBeforeAll;

    private final MockServer fromConstructor;
    private final URI serverlessFromConstructor;

    @FriendliMock.Inject
    MockServer serverField;
    @FriendliMock.Inject
    AdminClient adminField;
    @MockUri
    URI serverlessField;
    @MockUri(MockUri.Kind.DEDICATED)
    URI dedicatedField;

    InjectionTest(MockServer server, @MockUri URI serverless) {
        this.fromConstructor = server;
        this.serverlessFromConstructor = serverless;
    }

    @BeforeAll
    static void beforeAll(MockServer server) {
        seenInBeforeAll = server;
    }

    @BeforeEach
    void everyInjectionSeesOneRunningServer(MockServer server, AdminClient admin) {
        assertThat(server).isSameAs(fromConstructor).isSameAs(serverField).isSameAs(sharedServer)
                .isSameAs(seenInBeforeAll);
        assertThat(admin).isSameAs(adminField);
        assertThat(server.port()).isPositive();
        assertThat(server.config().seed()).isEqualTo(9);
    }

    @Test
    void eachUriKindPointsAtItsRoutes(@MockUri(MockUri.Kind.ROOT) URI root, @MockUri URI serverless,
                                      @MockUri(MockUri.Kind.SERVERLESS) URI serverlessAgain,
                                      @MockUri(MockUri.Kind.DEDICATED) URI dedicated,
                                      @MockUri(MockUri.Kind.CONTAINER) URI container) {
        assertThat(root).isEqualTo(serverField.baseUri()).isEqualTo(sharedRoot);
        assertThat(root.getHost()).isEqualTo("127.0.0.1");
        assertThat(serverless).isEqualTo(serverField.serverlessUri()).isEqualTo(serverlessAgain)
                .isEqualTo(serverlessField).isEqualTo(serverlessFromConstructor);
        assertThat(dedicated).hasToString(root + "/dedicated/v1").isEqualTo(dedicatedField);
        assertThat(container).hasToString(root + "/v1");

        assertThat(Chat.post(serverless, Chat.VALID).statusCode()).isEqualTo(200);
        assertThat(Chat.post(dedicated, Chat.VALID.replace(Chat.MODEL, "dep0mockendpt01")).statusCode())
                .isEqualTo(200);
        assertThat(Chat.post(container, Chat.VALID, null).statusCode()).as("container flavour, no auth")
                .isEqualTo(200);
        assertThat(Chat.get(URI.create(root + "/__admin/health")).body()).contains("friendli-mock");
    }

    @Test
    void theAdminClientDrivesThisServer(AdminClient admin, MockServer server) {
        assertThat(admin.root()).isEqualTo(server.baseUri());
        admin.addFault(FaultSpec.httpError(418).times(1));
        assertThat(server.faults().list()).singleElement().satisfies(r -> assertThat(r.id()).isNotBlank());
        assertThat(Chat.post(server.serverlessUri(), Chat.VALID).statusCode()).isEqualTo(418);
        assertThat(admin.journal()).extracting(AdminClient.JournalEntry::status).containsExactly(418);
        admin.addFault(FaultSpec.dropDone()); // stays until reset: the nested class must not see it
    }

    @Nested
    class InANestedClass {

        @Test
        void theServerOfTheEnclosingClassIsShared(MockServer server, @MockUri(MockUri.Kind.ROOT) URI root) {
            assertThat(server).isSameAs(sharedServer);
            assertThat(root).isEqualTo(sharedRoot);
            assertThat(server.faults().list()).as("reset after the tests of the outer class").isEmpty();
        }
    }
}
