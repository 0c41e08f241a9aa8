package io.friendlikit.conformance.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Resolved, validated settings of one kit run. */
public record KitConfig(
        Optional<URI> baseUrl,
        Optional<String> token,
        String model,
        Optional<URI> adminUrl,
        Optional<String> adminToken,
        Optional<URI> dedicatedBaseUrl,
        Optional<String> dedicatedModel,
        String reasoningModel,
        Optional<URI> containerBaseUrl,
        Optional<String> team,
        Optional<String> foreignTeam,
        Optional<String> tags,
        boolean includeCostly,
        Optional<String> targetKind,
        Duration timeout,
        String reportDir,
        boolean failOnFirmOnly) {

    static KitConfig from(ConfigResolver resolver) {
        Optional<URI> baseUrl = resolver.parsed(Setting.BASE_URL, URI.class);
        Optional<String> token = resolver.parsed(Setting.TOKEN, String.class);
        baseUrl.ifPresent(url -> {
            if (!isLocal(url) && token.isEmpty()) {
                throw new ConfigurationException("Target " + url + " is not local, so a token is required: set "
                        + Setting.TOKEN.environmentVariable() + " or pass " + Setting.TOKEN.flag()
                        + " (or -D" + Setting.TOKEN.property() + ")");
            }
        });
        return new KitConfig(
                baseUrl,
                token,
                resolver.parsed(Setting.MODEL, String.class).orElseThrow(),
                resolver.parsed(Setting.ADMIN_URL, URI.class),
                resolver.parsed(Setting.ADMIN_TOKEN, String.class),
                resolver.parsed(Setting.DEDICATED_BASE_URL, URI.class),
                resolver.parsed(Setting.DEDICATED_MODEL, String.class),
                resolver.parsed(Setting.REASONING_MODEL, String.class).orElseThrow(),
                resolver.parsed(Setting.CONTAINER_BASE_URL, URI.class),
                resolver.parsed(Setting.TEAM, String.class),
                resolver.parsed(Setting.FOREIGN_TEAM, String.class),
                resolver.parsed(Setting.TAGS, String.class),
                resolver.parsed(Setting.INCLUDE_COSTLY, Boolean.class).orElseThrow(),
                resolver.parsed(Setting.TARGET_KIND, String.class),
                resolver.parsed(Setting.TIMEOUT_SECONDS, Duration.class).orElseThrow(),
                resolver.parsed(Setting.REPORT_DIR, String.class).orElseThrow(),
                resolver.parsed(Setting.FAIL_ON, String.class).orElseThrow().equals("firm"));
    }

    public static boolean isLocal(URI url) {
        String host = url.getHost();
        return host != null && (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost")
                || host.equals("[::1]") || host.equals("::1"));
    }
}
