package io.friendlikit.mock.admin;

import io.friendlikit.mock.engine.Mappers;
import io.friendlikit.mock.script.Fault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** X-Mock-Fault binds to the same fault records as the admin API, with the same rules and messages. */
class FaultHeaderTest {

    private final FaultHeader header = new FaultHeader(new AdminJson(Mappers.wire()));

    @Test
    void parsesOneOrSeveralFaultsWithTypedValues() {
        assertThat(header.parse("disconnect;afterChunks=3")).containsExactly(new Fault.Disconnect(3));
        assertThat(header.parse(" latency ; firstTokenMs=200 ;, http_error;status=503;message=try later"))
                .containsExactly(new Fault.Latency(200, 0), new Fault.HttpError(503, "try later", null));
        assertThat(header.parse("drop_done")).containsExactly(new Fault.DropDone());
    }

    @Test
    void refusesWhatTheAdminApiRefusesNamingTheHeaderAndMember() {
        assertProblem("disconnect;afterChunks=-1",
                "X-Mock-Fault: afterChunks: must be an integer in [0, 1000000], got -1");
        assertProblem("disconnect;afterChunks=99999999999",
                "X-Mock-Fault: afterChunks: must be an integer of at most 32 bits, got an integer 99999999999");
        assertProblem("http_error;status=true", "X-Mock-Fault: status: must be an integer, got a boolean true");
        assertProblem("drop_done;afterChunks=1", "X-Mock-Fault: afterChunks: no such member here; known: none");
        assertProblem("", "X-Mock-Fault: an empty fault; give 'type;member=value;...', several separated by ','");
        assertProblem("drop_done,", "X-Mock-Fault: an empty fault; give 'type;member=value;...', several separated by ','");
        assertProblem(";x=1", "X-Mock-Fault: type: unknown fault type ''");
        assertProblem("drop_done,".repeat(16) + "drop_done", "X-Mock-Fault: at most 16 faults per request");
    }

    private void assertProblem(String value, String message) {
        assertThatThrownBy(() -> header.parse(value)).isInstanceOfSatisfying(AdminProblem.class, p -> {
            assertThat(p.error().status()).isEqualTo(400);
            assertThat(p.error().param()).isEqualTo("X-Mock-Fault");
            assertThat(p.error().message()).startsWith(message);
        });
    }
}
