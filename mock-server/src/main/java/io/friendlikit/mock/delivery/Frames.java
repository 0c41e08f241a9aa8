package io.friendlikit.mock.delivery;

import java.util.AbstractList;
import java.util.RandomAccess;
import java.util.function.UnaryOperator;

/**
 * The payloads of a stream as a list that renders each one when it is read, so a stream waiting for its next
 * frame holds what it needs to render it (its generation state), not its rendered text. Reading a payload twice
 * renders it twice, to the same text.
 */
public abstract class Frames extends AbstractList<String> implements RandomAccess {

    /** Memory this list holds until the stream ends (an estimate of the state it renders from). */
    public abstract long heldBytes();

    /** This list with payload {@code index} (0-based) rewritten by {@code change} when it is rendered. */
    public Frames map(int index, UnaryOperator<String> change) {
        Frames source = this;
        return new Frames() {
            @Override
            public String get(int i) {
                String p = source.get(i);
                return i == index ? change.apply(p) : p;
            }

            @Override
            public int size() {
                return source.size();
            }

            @Override
            public long heldBytes() {
                return source.heldBytes() + 64;
            }
        };
    }
}
