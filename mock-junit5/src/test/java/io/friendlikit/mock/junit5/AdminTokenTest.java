package io.friendlikit.mock.junit5;

import io.friendlikit.mock.MockServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @FriendliMock(adminToken = ...)}: the admin API asks for the token and the injected client sends it. */
@FriendliMock(adminToken = AdminTokenTest.TOKEN)
class AdminTokenTest {

    static final String TOKEN = "junit-admin-s3cret";

    @Test
    void theServerHasTheTokenAndTheInjectedClientSendsIt(MockServer server, AdminClient admin,
                                                         @MockUri URI serverless) {
        assertThat(server.config().adminToken()).isEqualTo(TOKEN);

        String id = admin.addFault(FaultSpec.httpError(503).times(1));
        assertThat(admin.faults()).extracting(AdminClient.ActiveFault::id).containsExactly(id);
        assertThat(Chat.post(serverless, Chat.VALID).statusCode()).isEqualTo(503);
        assertThat(admin.journal()).extracting(AdminClient.JournalEntry::status).containsExactly(503);
        admin.reset();
        assertThat(admin.journal()).isEmpty();
    }

    @Test
    void aCallWithoutTheTokenIsRefusedWith401(@MockUri(MockUri.Kind.ROOT) URI root) {
        HttpResponse<String> bare = Chat.get(URI.create(root + "/__admin/health"));
        assertThat(bare.statusCode()).isEqualTo(401);
        assertThat(bare.body()).contains("invalid_admin_token");

        AdminClient withoutToken = new AdminClient(root);
        assertThatThrownBy(withoutToken::health)
                .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageStartingWith("GET /__admin/health answered 401: missing X-Admin-Token header")
                .hasMessageContaining("this client sends no X-Admin-Token; give it the mock's token with withAdminToken");

        assertThatThrownBy(() -> withoutToken.withAdminToken("not-it").health())
                .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("wrong X-Admin-Token header")
                .hasMessageContaining("is not the mock's --admin-token");

        assertThat(withoutToken.withAdminToken(TOKEN).health().kind()).isEqualTo("friendli-mock");
    }
}
