package io.friendlikit.mock.generation;

import io.friendlikit.mock.wire.ChatMessage;
import io.friendlikit.mock.wire.ToolCall;

import java.util.List;

/** Pure functions that derive 64-bit seeds: SplitMix64 mixing and FNV-1a hashing of texts. */
final class Seeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Seeds() {
    }

    /** SplitMix64 finalizer: a bijective scramble of {@code z}. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Combines a seed with one more value into a new, well-scrambled seed. */
    static long combine(long seed, long value) {
        return mix(seed * GOLDEN + mix(value + GOLDEN));
    }

    /** FNV-1a over the UTF-16 units of {@code text}; a null text hashes differently from the empty one. */
    static long hash(String text) {
        if (text == null) {
            return 0x5bd1e995L;
        }
        long h = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            h = (h ^ (c & 0xff)) * FNV_PRIME;
            h = (h ^ (c >>> 8)) * FNV_PRIME;
        }
        return h;
    }

    /** A hash of the conversation: roles, texts, names, tool calls and media part counts, in order. */
    static long hashMessages(List<ChatMessage> messages) {
        long h = FNV_OFFSET;
        for (ChatMessage m : messages) {
            h = combine(h, hash(m.role()));
            h = combine(h, hash(m.text()));
            h = combine(h, hash(m.name()));
            h = combine(h, hash(m.toolCallId()));
            h = combine(h, m.mediaParts());
            for (ToolCall call : m.toolCalls()) {
                h = combine(h, hash(call.name()));
                h = combine(h, hash(call.arguments()));
            }
        }
        return h;
    }
}
