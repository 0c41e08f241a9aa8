package io.friendlikit.conformance.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Resolved, validated settings of one kit run. */
public record KitConfig(
        Optional<URI> baseUrl,
        Optional<String> token,
        String model,
        Optional<URI> adminUrl,
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
        Optional<URI> baseUrl = resolver.value(Setting.BASE_URL).map(v -> uri(Setting.BASE_URL, v));
        Optional<String> token = resolver.value(Setting.TOKEN);
        baseUrl.ifPresent(url -> {
            if (!isLocal(url) && token.isEmpty()) {
                throw new ConfigurationException("Target " + url + " is not local, so a token is required: set "
                        + Setting.TOKEN.environmentVariable() + " or pass " + Setting.TOKEN.flag()
                        + " (or -D" + Setting.TOKEN.property() + ")");
            }
        });
        String timeoutText = resolver.value(Setting.TIMEOUT_SECONDS).orElseThrow();
        long timeoutSeconds;
        try {
            timeoutSeconds = Long.parseLong(timeoutText);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Bad value '" + timeoutText + "' for " + Setting.TIMEOUT_SECONDS.names()
                    + ": expected a whole number of seconds");
        }
        if (timeoutSeconds <= 0) {
            throw new ConfigurationException("Bad value '" + timeoutText + "' for " + Setting.TIMEOUT_SECONDS.names()
                    + ": expected a positive number of seconds");
        }
        String costly = resolver.value(Setting.INCLUDE_COSTLY).orElseThrow().toLowerCase(Locale.ROOT);
        if (!costly.equals("true") && !costly.equals("false")) {
            throw new ConfigurationException("Bad value '" + costly + "' for " + Setting.INCLUDE_COSTLY.names()
                    + ": expected true or false");
        }
        String failOn = resolver.value(Setting.FAIL_ON).orElseThrow().toLowerCase(Locale.ROOT);
        if (!failOn.equals("any") && !failOn.equals("firm")) {
            throw new ConfigurationException("Bad value '" + failOn + "' for " + Setting.FAIL_ON.names()
                    + ": expected any or firm");
        }
        Optional<String> kind = resolver.value(Setting.TARGET_KIND).map(k -> k.toLowerCase(Locale.ROOT));
        kind.ifPresent(k -> {
            if (!k.equals("mock") && !k.equals("live") && !k.equals("other")) {
                throw new ConfigurationException("Bad value '" + k + "' for " + Setting.TARGET_KIND.names()
                        + ": expected mock, live or other");
            }
        });
        return new KitConfig(
                baseUrl,
                token,
                resolver.value(Setting.MODEL).orElseThrow(),
                resolver.value(Setting.ADMIN_URL).map(v -> uri(Setting.ADMIN_URL, v)),
                resolver.value(Setting.DEDICATED_BASE_URL).map(v -> uri(Setting.DEDICATED_BASE_URL, v)),
                resolver.value(Setting.DEDICATED_MODEL),
                resolver.value(Setting.REASONING_MODEL).orElseThrow(),
                resolver.value(Setting.CONTAINER_BASE_URL).map(v -> uri(Setting.CONTAINER_BASE_URL, v)),
                resolver.value(Setting.TEAM),
                resolver.value(Setting.FOREIGN_TEAM),
                resolver.value(Setting.TAGS),
                costly.equals("true"),
                kind,
                Duration.ofSeconds(timeoutSeconds),
                resolver.value(Setting.REPORT_DIR).orElseThrow(),
                failOn.equals("firm"));
    }

    public static boolean isLocal(URI url) {
        String host = url.getHost();
        return host != null && (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost")
                || host.equals("[::1]") || host.equals("::1"));
    }

    private static URI uri(Setting setting, String value) {
        String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new ConfigurationException("Bad value '" + value + "' for " + setting.names()
                        + ": expected an absolute http(s) URL such as http://127.0.0.1:8080/serverless/v1");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException("Bad value '" + value + "' for " + setting.names() + ": " + e.getMessage());
        }
    }
}
