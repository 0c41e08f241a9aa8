package io.friendlikit.mock.script;

import io.friendlikit.mock.generation.CannedReply;

/**
 * A scripted answer: when a request matches, the generator emits {@code reply} instead of generated text.
 *
 * @param contains text the last user message must contain (case-insensitive), or null for any
 * @param model    model the request must name, or null for any
 */
public record Scenario(String id, String contains, String model, CannedReply reply, Integer remaining) {
}
