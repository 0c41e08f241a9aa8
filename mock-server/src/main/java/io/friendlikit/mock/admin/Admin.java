package io.friendlikit.mock.admin;

import io.friendlikit.mock.metrics.MockMetrics;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.script.Sessions;

/** What the admin operations act on; {@link io.friendlikit.mock.MockServer} offers the same to embedding code. */
public interface Admin {

    FaultRegistry faults();

    ScenarioRegistry scenarios();

    Journal journal();

    /** The faults and scenarios of each session ({@code X-Mock-Session}). */
    Sessions sessions();

    /** Streams being written right now. */
    int openStreams();

    /** The X-Friendli-Team values allowed ({@code --teams}); empty: every team is allowed. */
    java.util.Set<String> allowedTeams();

    /** The fixture directories ({@code --fixtures}) as absolute paths, in the order given; empty when none. */
    java.util.List<String> fixtureDirectories();

    /** The time on the clock the journal stamps entries with ({@code --clock}). */
    default java.time.Instant now() {
        return java.time.Instant.now();
    }

    /** Recordings loaded from the fixture directories. */
    int recordingsLoaded();

    /** Record mode's upstream URL, or null when not recording. */
    String upstream();

    /** Record mode's directory (absolute), or null when not recording. */
    String recordingTo();


    /** The server's counters and histograms; they count from the start and are not cleared by {@link #reset()}. */
    MockMetrics metrics();

    /** The request and token limits per minute in force ({@code --rate-limit-rpm}, {@code --rate-limit-tpm} at start). */
    io.friendlikit.mock.script.RateLimits rateLimits();

    /** Clears faults, scenarios, every session and the journal, and restores the start rate limits (not the metrics). */
    void reset();
}
