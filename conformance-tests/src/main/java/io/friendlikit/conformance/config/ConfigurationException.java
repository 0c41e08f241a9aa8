package io.friendlikit.conformance.config;

/** A setting is missing or malformed; the message names the setting under all its names. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
