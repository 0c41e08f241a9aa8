package io.friendlikit.mock.admin;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.engine.Mappers;
import io.friendlikit.mock.script.Fault;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The fault types are the sealed interface's variants: named once each, bound by Jackson, documented. */
class FaultTypesTest {

    private final AdminJson json = new AdminJson(Mappers.wire());

    @Test
    void everyVariantIsNamedAndRegisteredForBinding() {
        List<Class<?>> variants = Arrays.asList(Fault.class.getPermittedSubclasses());
        List<Class<?>> registered = Arrays.stream(Fault.class.getAnnotation(JsonSubTypes.class).value())
                .<Class<?>>map(JsonSubTypes.Type::value).toList();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(variants);
        for (Class<?> v : variants) {
            assertThat(v.getAnnotation(JsonTypeName.class)).as(v.getSimpleName() + " has a @JsonTypeName").isNotNull();
        }
        assertThat(AdminJson.typeNames(Fault.class)).doesNotHaveDuplicates().hasSize(variants.size());
    }

    @Test
    void everyTypeBindsFromItsNameAndListsBackTheSameMembers() throws IOException {
        for (String type : AdminJson.typeNames(Fault.class)) {
            Fault fault = json.bind(json.object(("{\"type\":\"" + type + "\"}").getBytes()), Fault.class, "");
            assertThat(fault.type()).isEqualTo(type);
            JsonNode listed = Mappers.wire().readTree(json.write(ListFaults.Item.of(
                    new io.friendlikit.mock.script.FaultRegistry().add(fault, null))));
            assertThat(listed.path("type").asText()).isEqualTo(type);
            assertThat(listed.path("probability").asDouble()).isEqualTo(1.0);
            assertThat(listed.path("seed").asLong()).isEqualTo(1L);
            // what the list shows can be posted back and means the same fault, registered the same way
            com.fasterxml.jackson.databind.node.ObjectNode again = listed.deepCopy();
            again.remove("id");
            AdminRequest.Split<Fault, AddFault.Registration> posted = new AdminRequest(java.util.Map.of(),
                    Mappers.wire().writeValueAsBytes(again), json).bodyWith(Fault.class, AddFault.Registration.class);
            assertThat(posted.value()).isEqualTo(fault);
            assertThat(posted.member().probability()).isEqualTo(1.0);
            assertThat(posted.member().seed()).isEqualTo(1L);
        }
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(bind("{\"type\":\"http_error\"}")).isEqualTo(new Fault.HttpError(503, "injected fault: HTTP error", null));
        assertThat(bind("{\"type\":\"disconnect\"}")).isEqualTo(new Fault.Disconnect(1));
        assertThat(bind("{\"type\":\"stream_error\"}"))
                .isEqualTo(new Fault.StreamError(1, "injected fault: error during the stream"));
        assertThat(bind("{\"type\":\"wrong_usage_total\"}")).isEqualTo(new Fault.WrongUsageTotal(1));
        assertThat(bind("{\"type\":\"malformed_chunk\"}")).isEqualTo(new Fault.MalformedChunk(1));
        assertThat(bind("{\"type\":\"latency\"}")).isEqualTo(new Fault.Latency(0, 0));
    }

    @Test
    void adminApiDocumentsExactlyTheseTypes() throws IOException {
        String doc = Files.readString(Path.of("ADMIN-API.md"));
        String faults = doc.substring(doc.indexOf("## Faults"), doc.indexOf("## Scenarios"));
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| (?!Parameters)").matcher(faults);
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(AdminJson.typeNames(Fault.class));
    }

    private Fault bind(String body) {
        return json.bind(json.object(body.getBytes()), Fault.class, "");
    }
}
