package io.friendlikit.mock.script;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions are bounded in number and size, expire when idle, and keep their registries apart. */
class SessionsTest {

    private final AtomicLong now = new AtomicLong();
    private final Sessions sessions = new Sessions(now::get);

    @Test
    void eachSessionHasItsOwnRegistriesWithIdsNamingIt() {
        var a = sessions.open("a").faults().add(new Fault.DropDone(), null);
        var b = sessions.open("b").faults().add(new Fault.DropDone(), null);
        assertThat(a.id()).isEqualTo("a:fault-1");
        assertThat(b.id()).isEqualTo("b:fault-1");
        assertThat(sessions.open("a").faults().list()).hasSize(1);
        assertThat(sessions.find("c")).as("finding does not open a session").isEmpty();
        assertThat(sessions.list()).extracting(Sessions.Session::name).containsExactly("a", "b");
    }

    @Test
    void anIdleSessionExpiresAndUseKeepsItAlive() {
        sessions.open("busy");
        sessions.open("idle");
        now.addAndGet(Sessions.IDLE_EXPIRY.toNanos() - 1);
        assertThat(sessions.find("busy")).isPresent();
        now.addAndGet(2);
        assertThat(sessions.find("idle")).isEmpty();
        assertThat(sessions.list()).extracting(Sessions.Session::name).containsExactly("busy");
    }

    @Test
    void atMostMaxSessionsAreOpenUntilOneIsDeletedOrExpires() {
        for (int i = 0; i < Sessions.MAX_SESSIONS; i++) {
            sessions.open("s" + i);
        }
        assertThatThrownBy(() -> sessions.open("one-more")).isInstanceOf(Sessions.FullException.class)
                .hasMessageContaining("at most " + Sessions.MAX_SESSIONS + " sessions");
        assertThat(sessions.open("s0").name()).as("an open one can still be used").isEqualTo("s0");
        assertThat(sessions.delete("s1")).isTrue();
        assertThat(sessions.open("one-more").name()).isEqualTo("one-more");
        now.addAndGet(Sessions.IDLE_EXPIRY.toNanos() + 1);
        assertThat(sessions.open("after-expiry").name()).isEqualTo("after-expiry");
        assertThat(sessions.list()).hasSize(1);
    }

    @Test
    void aSessionHoldsAtMostItsCapacity() {
        FaultRegistry faults = sessions.open("a").faults();
        for (int i = 0; i < Sessions.SESSION_CAPACITY; i++) {
            faults.add(new Fault.DropDone(), null);
        }
        assertThatThrownBy(() -> faults.add(new Fault.DropDone(), null))
                .isInstanceOf(CappedRegistry.FullException.class)
                .hasMessage("at most " + Sessions.SESSION_CAPACITY + " faults may be active; DELETE some first");
    }

    @Test
    void namesAreShortAndPlain() {
        assertThat(Sessions.checkName("test-1.case_A")).isEqualTo("test-1.case_A");
        for (String bad : new String[] {"", "a b", "a:b", "x".repeat(65), "é"}) {
            assertThatThrownBy(() -> Sessions.checkName(bad)).isInstanceOf(InvalidMember.class)
                    .hasMessageStartingWith("X-Mock-Session: must be 1 to 64 letters");
        }
        assertThatThrownBy(() -> Sessions.checkName(null)).hasMessageEndingWith("got nothing");
    }

    /** What a session's 0.5-chance fault does over 64 requests under a server seed. */
    private static java.util.List<Boolean> sessionDraws(long serverSeed) {
        FaultRegistry faults = new Sessions(serverSeed).open("s").faults();
        faults.add(new Fault.DropDone(), null, 0.5, 5L);
        java.util.List<Boolean> fired = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            fired.add(!faults.take(Fault.Phase.END_OF_STREAM).isEmpty());
        }
        return fired;
    }

    @Test
    void sessionFaultsDrawFromTheServerSeed() {
        assertThat(sessionDraws(7)).isEqualTo(sessionDraws(7)).contains(true, false);
        assertThat(sessionDraws(7)).isNotEqualTo(sessionDraws(8));
    }
}
