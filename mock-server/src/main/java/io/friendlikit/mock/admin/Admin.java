package io.friendlikit.mock.admin;

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

    /** Clears faults, scenarios, every session and the journal. */
    void reset();
}
