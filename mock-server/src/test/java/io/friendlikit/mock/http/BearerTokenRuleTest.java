package io.friendlikit.mock.http;

import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;

/** With any token accepted, a token is still non-empty and has no blank or control characters. */
class BearerTokenRuleTest {

    private static TestServer mock;

    @BeforeAll
    static void start() {
        mock = TestServer.start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a no-break space alone        | Bearer \\u00a0              | 401",
            "a token with a space inside   | Bearer abc def             | 401",
            "a token with a no-break space | Bearer abc\\u00a0def         | 401",
            "a token with a tab            | Bearer abc\\tdef             | 401",
            "only spaces                   | 'Bearer    '                | 401",
            "a plain token                 | Bearer flp_abc123          | 200",
            "extra spaces around the token | 'Bearer   flp_abc123  '     | 200"})
    void theTokenRule(String name, String authorization, int status) {
        String value = authorization.replace("\\u00a0", "\u00a0").replace("\\t", "\t");
        try (RawHttp raw = new RawHttp(mock.server().baseUri())) {
            RawHttp.Response r = raw.send(RawHttp.post(CHAT, "Authorization: " + value + "\r\n", body(""))).read();
            assertThat(r.status()).as(name).isEqualTo(status);
            if (status == 401) {
                assertThat(r.json().path("error").path("type").asText()).isEqualTo("authentication_error");
                assertThat(r.json().path("message").asText()).containsAnyOf("blank or control", "empty");
            }
        }
    }
}
