package io.friendlikit.mock.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The faults and scenarios of each test session ({@code X-Mock-Session}), beside the global ones. Bounded: at most
 * {@link #MAX_SESSIONS} sessions, each holding at most {@link #SESSION_CAPACITY} faults and as many scenarios; a
 * session nobody used for {@link #IDLE_EXPIRY} is dropped, and sessions are removed on request or by a reset.
 * Thread-safe.
 */
public final class Sessions {

    /** The request header naming the session. */
    public static final String HEADER = "X-Mock-Session";
    /** Most sessions open at once. */
    public static final int MAX_SESSIONS = 256;
    /** Most faults, and most scenarios, one session holds at once. */
    public static final int SESSION_CAPACITY = 1_000;
    /** A session unused for this long is dropped. */
    public static final Duration IDLE_EXPIRY = Duration.ofMinutes(30);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** One session's registries; ids of its faults and scenarios start with {@code <name>:}. */
    public static final class Session {
        private final String name;
        private final FaultRegistry faults;
        private final ScenarioRegistry scenarios;
        private volatile long lastUsedNanos;

        private Session(String name, long now, long serverSeed) {
            this.name = name;
            // The server's --seed, so a session's chance faults repeat with the run like the global ones do.
            this.faults = new FaultRegistry(name + ":", SESSION_CAPACITY, serverSeed);
            this.scenarios = new ScenarioRegistry(name + ":", SESSION_CAPACITY);
            this.lastUsedNanos = now;
        }

        public String name() {
            return name;
        }

        public FaultRegistry faults() {
            return faults;
        }

        public ScenarioRegistry scenarios() {
            return scenarios;
        }

        /** Time since the session was last used. */
        public Duration idle(long nowNanos) {
            return Duration.ofNanos(Math.max(0, nowNanos - lastUsedNanos));
        }
    }

    /** Thrown by {@link #open} when {@link #MAX_SESSIONS} sessions are in use. */
    public static final class FullException extends IllegalStateException {
        FullException() {
            super("at most " + MAX_SESSIONS + " sessions may be open; DELETE /__admin/sessions/<name> or POST "
                    + "/__admin/reset first (a session unused for " + IDLE_EXPIRY.toMinutes() + " minutes is dropped)");
        }
    }

    private final LongSupplier nanoClock;
    private final long serverSeed;
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    public Sessions() {
        this(System::nanoTime, 0);
    }

    /** @param serverSeed the server's {@code --seed}, mixed into every draw of a session fault's probability */
    public Sessions(long serverSeed) {
        this(System::nanoTime, serverSeed);
    }

    /** @param nanoClock monotonic time in nanoseconds (for tests) */
    public Sessions(LongSupplier nanoClock) {
        this(nanoClock, 0);
    }

    /**
     * @param nanoClock  monotonic time in nanoseconds (for tests)
     * @param serverSeed the server's {@code --seed}
     */
    public Sessions(LongSupplier nanoClock, long serverSeed) {
        this.nanoClock = nanoClock;
        this.serverSeed = serverSeed;
    }

    /**
     * Checks a session name: 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}.
     *
     * @throws InvalidMember naming {@link #HEADER} when it is not
     */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            String shown = name == null ? "nothing" : "'" + (name.length() > 70 ? name.substring(0, 70) + "…" : name)
                    + "'";
            throw new InvalidMember(HEADER, "must be 1 to 64 letters, digits, '.', '_' or '-', got " + shown);
        }
        return name;
    }

    /**
     * The session of that name, created if need be (what an admin call that adds to a session does).
     *
     * @throws FullException when {@link #MAX_SESSIONS} sessions are open and none has expired
     */
    public synchronized Session open(String name) {
        long now = nanoClock.getAsLong();
        expire(now);
        Session session = sessions.get(checkName(name));
        if (session == null) {
            if (sessions.size() >= MAX_SESSIONS) {
                throw new FullException();
            }
            session = new Session(name, now, serverSeed);
            sessions.put(name, session);
        }
        session.lastUsedNanos = now;
        return session;
    }

    /** The session of that name if it is open (what a chat request and the listing calls use); marks it used. */
    public synchronized Optional<Session> find(String name) {
        long now = nanoClock.getAsLong();
        expire(now);
        Session session = sessions.get(name);
        if (session != null) {
            session.lastUsedNanos = now;
        }
        return Optional.ofNullable(session);
    }

    /** The open sessions, oldest first. */
    public synchronized List<Session> list() {
        expire(nanoClock.getAsLong());
        return new ArrayList<>(sessions.values());
    }

    /** Removes a session with its faults and scenarios; false if none had the name. */
    public synchronized boolean delete(String name) {
        return sessions.remove(name) != null;
    }

    public synchronized void clear() {
        sessions.clear();
    }

    /** Now, on the clock that measures idleness. */
    public long now() {
        return nanoClock.getAsLong();
    }

    private void expire(long now) {
        long limit = IDLE_EXPIRY.toNanos();
        Iterator<Session> it = sessions.values().iterator();
        while (it.hasNext()) {
            if (now - it.next().lastUsedNanos > limit) {
                it.remove();
            }
        }
    }
}
