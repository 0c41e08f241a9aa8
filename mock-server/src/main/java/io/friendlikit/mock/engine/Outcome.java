package io.friendlikit.mock.engine;

import io.friendlikit.mock.delivery.Delivery;
import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.StreamPlan;
import io.friendlikit.mock.errors.ApiError;

/**
 * What to answer to an {@link Exchange}: an error, a JSON body, or a stream, each with the pacing the HTTP layer
 * applies when it delivers it.
 */
public sealed interface Outcome {

    Pacing pacing();

    /** An error status with the JSON error envelope (after {@code pacing.firstTokenMs()}, usually 0). */
    record Failure(ApiError error, Pacing pacing) implements Outcome {
    }

    /**
     * A status, content type, headers and body given byte for byte (a replayed recording's plain answer).
     *
     * @param headers further response headers (lower-case names)
     */
    record Raw(int status, String contentType, byte[] body, java.util.Map<String, String> headers, Pacing pacing)
            implements Outcome {
        public Raw {
            headers = java.util.Map.copyOf(headers);
        }
    }

    /** 200 with a JSON body, written as {@code delivery} says. */
    record Plain(byte[] json, Pacing pacing, Delivery delivery) implements Outcome {
        public Plain(byte[] json, Pacing pacing) {
            this(json, pacing, Delivery.NONE);
        }
    }

    /** 200 with a server-sent event stream, every frame's payload already rendered, written as {@code delivery} says. */
    record Stream(StreamPlan plan, Pacing pacing, Delivery delivery) implements Outcome {
        public Stream(StreamPlan plan, Pacing pacing) {
            this(plan, pacing, Delivery.NONE);
        }
    }
}
