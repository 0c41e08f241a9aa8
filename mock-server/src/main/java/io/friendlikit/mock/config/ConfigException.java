package io.friendlikit.mock.config;

/** A setting was given a value it cannot take; the message names the setting, the value and the rule. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
