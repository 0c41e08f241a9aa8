package io.friendlikit.mock.wire;

import com.fasterxml.jackson.databind.JsonNode;

/** A declared function of {@code tools[]}; {@code parameters} is its JSON Schema. */
public record ToolDefinition(String name, String description, JsonNode parameters) {
}
