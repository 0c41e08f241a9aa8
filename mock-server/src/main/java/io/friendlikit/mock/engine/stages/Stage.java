package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.errors.ApiError;

/**
 * One step of a chat exchange. It reads and fills in the {@link ExchangeState} and either lets the exchange go
 * on to the next stage or ends it with an error. The stages and their order are listed in {@link ChatStages}.
 */
interface Stage {

    /** The stage's name, as docs/ARCHITECTURE.md lists it. */
    String name();

    Verdict run(ExchangeState state);

    /**
     * Go on; or answer this error (after {@code delayMs}, for an error that is only due after a while); or, with
     * {@code answered}, stop here because the stage has set the exchange's answer itself (a replayed recording).
     */
    record Verdict(ApiError error, long delayMs, boolean answered) {

        static final Verdict CONTINUE = new Verdict(null, 0, false);
        /** The stage has put the answer in {@link ExchangeState#answer}; no later stage runs. */
        static final Verdict ANSWERED = new Verdict(null, 0, true);

        static Verdict fail(ApiError error) {
            return new Verdict(error, 0, false);
        }

        static Verdict failAfter(ApiError error, long delayMs) {
            return new Verdict(error, delayMs, false);
        }

        boolean proceeds() {
            return error == null && !answered;
        }
    }
}
