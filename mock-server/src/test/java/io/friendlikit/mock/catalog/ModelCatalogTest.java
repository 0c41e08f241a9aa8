package io.friendlikit.mock.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.config.ConfigException;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.friendlikit.mock.TestServer.CHAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A catalogue file in the shape of GET /serverless/v1/models replaces the built-in one. */
class ModelCatalogTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void servedCatalogueRoundTrips() throws Exception {
        try (TestServer mock = TestServer.start()) {
            String served = mock.bare().get("/serverless/v1/models").then().statusCode(200).extract().asString();
            ModelCatalog read = ModelCatalog.fromJson(json.readTree(served));
            assertThat(read.all()).isEqualTo(ModelCatalog.defaults().all());
        }
    }

    @Test
    void modelsFileReplacesTheCatalogue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("models.json");
        Files.writeString(file, "{\"data\":[{\"id\":\"acme/tiny\",\"context_length\":64,\"max_completion_tokens\":16,"
                + "\"reasoning\":true,\"reasoning_options\":{\"reasoning_effort\":[\"low\"]}}]}");
        MockConfig config = MockConfig.defaults().toBuilder().set(Setting.MODELS_FILE, file.toString()).build();
        try (TestServer mock = new TestServer(MockServer.builder().config(config))) {
            mock.bare().get("/serverless/v1/models").then().body("data.id", equalTo(java.util.List.of("acme/tiny")));
            mock.authed().body("{\"model\":\"acme/tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                    + "\"reasoning_effort\":\"low\"}").post(CHAT).then().statusCode(200);
            mock.authed().body("{\"model\":\"acme/tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                    + "\"reasoning_effort\":\"high\"}").post(CHAT).then().statusCode(422)
                    .body("message", equalTo("invalid JSON payload: unknown enum value: 'high'"));
            mock.authed().body("{\"model\":\"acme/tiny\",\"max_tokens\":60,\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"Hi\"}]}").post(CHAT).then().statusCode(422)
                    .body("message", containsString("context length of 64"));
            mock.authed().body("{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"Hi\"}]}").post(CHAT).then().statusCode(404);
        }
    }

    @Test
    void badCatalogueIsRefusedNamingTheEntry(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"data\":[{\"id\":\"ok\"},{\"id\":\"x\",\"context_length\":-5}]}");
        MockConfig config = MockConfig.defaults().toBuilder().set(Setting.MODELS_FILE, file.toString()).build();
        assertThatThrownBy(() -> MockServer.builder().config(config).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--models-file")
                .hasMessageContaining("data[1].context_length: must be a positive integer");
        assertThatThrownBy(() -> ModelCatalog.fromJson(json.readTree("{\"data\":[]}")))
                .hasMessageContaining("non-empty \"data\" array");
    }
}
