package io.friendlikit.conformance.targets;

import io.friendlikit.conformance.config.KitConfig;

/**
 * Service-provider interface for a server the kit can start by itself when no base URL is configured.
 * Implementations are found with {@link java.util.ServiceLoader}; the kit's own tests register one that
 * starts the mock in-process, so the kit's main code never depends on the mock's classes.
 */
public interface TargetProvider {

    /** A short name used in reports, e.g. "embedded mock". */
    String name();

    /** Starts a fresh server bound to 127.0.0.1 on a free port. Called once per scenario. */
    RunningTarget start(KitConfig config) throws Exception;
}
