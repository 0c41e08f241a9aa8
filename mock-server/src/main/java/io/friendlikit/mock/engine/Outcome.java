package io.friendlikit.mock.engine;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.Pacing;
import io.friendlikit.mock.script.StreamPlan;

/** What to answer to an {@link Exchange}: an error, a JSON body, or a stream. */
public sealed interface Outcome {

    Pacing pacing();

    /** An error status with the JSON error envelope. */
    record Failure(ApiError error, Pacing pacing) implements Outcome {
    }

    /** 200 with a JSON body. */
    record Plain(byte[] json, Pacing pacing) implements Outcome {
    }

    /** 200 with a server-sent event stream. */
    record Stream(StreamPlan plan, Pacing pacing) implements Outcome {
    }
}
