package io.friendlikit.conformance.targets;

import java.net.URI;
import java.util.Optional;

/**
 * Everything a scenario needs to know about the server under test.
 *
 * @param reasoningModel   model of the reasoning scenarios
 * @param containerBaseUrl base URL of the container variant ({@code /v1}), if the target serves it
 * @param adminToken  the {@code X-Admin-Token} its admin API asks for, if configured
 * @param kind "mock", "live" or "other"; selects entries of fixtures/divergences.json
 * @param memberTeam  an X-Friendli-Team value the token belongs to, if known
 * @param foreignTeam an X-Friendli-Team value the token does not belong to, if known
 */
public record Target(
        String description,
        URI baseUrl,
        String token,
        String model,
        Optional<URI> dedicatedBaseUrl,
        Optional<String> dedicatedModel,
        String reasoningModel,
        Optional<URI> containerBaseUrl,
        Optional<URI> adminUrl,
        Optional<String> adminToken,
        String kind,
        Optional<String> memberTeam,
        Optional<String> foreignTeam) {

    public URI chatCompletions() {
        return URI.create(baseUrl + "/chat/completions");
    }

    public URI models() {
        return URI.create(baseUrl + "/models");
    }

    public Optional<URI> dedicatedChatCompletions() {
        return dedicatedBaseUrl.map(u -> URI.create(u + "/chat/completions"));
    }

    public Optional<URI> containerChatCompletions() {
        return containerBaseUrl.map(u -> URI.create(u + "/chat/completions"));
    }

    /** scheme://host:port of the base URL. */
    public URI origin() {
        return origin(baseUrl);
    }

    /** Resolves a path such as "/serverless/v1/nope" against the origin. */
    public URI atOrigin(String path) {
        return URI.create(origin() + path);
    }

    public static URI origin(URI url) {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority());
    }

    /** A client of the admin API (with the admin token, if any), if the target has one. */
    public Optional<AdminClient> admin() {
        return adminUrl.map(url -> new AdminClient(url, adminToken));
    }

    public boolean isMock() {
        return kind.equals("mock");
    }
}
