package io.friendlikit.mock.http;

import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.errors.ApiError;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an admin call must show before it runs, so that a web page cannot drive or read the mock: a {@code Host}
 * (and, from a browser, an {@code Origin}) naming localhost, an IP address or one of {@code --admin-hosts} (a page
 * reaching the mock through DNS rebinding names its own host); the {@code X-Admin-Token} when
 * {@code --admin-token} is set; and {@code Content-Type: application/json} for a body, a type no page can send
 * across origins without a preflight, which the admin API never grants.
 */
final class AdminGuard {

    static final String TOKEN_HEADER = "X-Admin-Token";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final byte[] token;
    private final Set<String> hosts;

    AdminGuard(MockConfig config) {
        this.token = config.adminToken().isEmpty() ? null : config.adminToken().getBytes(StandardCharsets.UTF_8);
        this.hosts = config.adminHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The refusal for a call before its body is read, or null when it may go on. */
    ApiError beforeBody(HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host != null && !allowedHost(hostOf(host))) {
            return ApiError.adminHostRefused("Host", host);
        }
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin != null && !allowedHost(originHost(origin))) {
            return ApiError.adminHostRefused("Origin", origin);
        }
        if (token != null) {
            String sent = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
            if (sent == null || !MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.UTF_8))) {
                return ApiError.adminTokenRequired(sent != null);
            }
        }
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type != null && !isJson(type)) {
            return ApiError.adminNotJson(type);
        }
        return null;
    }

    /** The refusal for a body that came without a declared type, or null. */
    ApiError afterBody(HttpServerExchange exchange, byte[] body) {
        if (body.length > 0 && exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE) == null) {
            return ApiError.adminNotJson(null);
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return media.equalsIgnoreCase("application/json");
    }

    private boolean allowedHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.equals("localhost") || IPV4.matcher(name).matches()
                || (name.startsWith("[") && name.endsWith("]")) || hosts.contains(name);
    }

    /** {@code example.com:8080} → {@code example.com}; {@code [::1]:80} → {@code [::1]}. */
    private static String hostOf(String hostHeader) {
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? null : h.substring(0, close + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static String originHost(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            String host = uri.getHost();
            return uri.getScheme() == null || host == null ? null : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
