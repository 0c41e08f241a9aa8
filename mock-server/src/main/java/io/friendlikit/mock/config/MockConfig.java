package io.friendlikit.mock.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** The resolved configuration of one mock server. Immutable. */
public record MockConfig(int port, String host, Set<String> tokens, Set<String> teams, boolean strictUnknownFields,
                         long seed, long maxBodyBytes, ErrorEnvelope errorEnvelope, Set<String> endpoints,
                         boolean admin, long firstTokenMs, long interTokenMs, Clock clock, int journalSize,
                         boolean openAiSchemaMembers, boolean usageChunkAlways, int rateLimitRpm,
                         String modelsFile, boolean logRequests, String corsOrigin,
                         boolean inlineUnparsedReasoning) {

    public MockConfig {
        tokens = Set.copyOf(tokens);
        teams = Set.copyOf(teams);
        endpoints = Set.copyOf(endpoints);
    }

    /** The defaults, as documented in {@link Setting}. */
    public static MockConfig defaults() {
        return ConfigResolver.resolve(new String[0], key -> null, key -> null);
    }

    public static Clock fixedClock(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy of a configuration with some values changed. */
    public static final class Builder {
        private int port;
        private String host;
        private Set<String> tokens;
        private Set<String> teams;
        private boolean strictUnknownFields;
        private long seed;
        private long maxBodyBytes;
        private ErrorEnvelope errorEnvelope;
        private Set<String> endpoints;
        private boolean admin;
        private long firstTokenMs;
        private long interTokenMs;
        private Clock clock;
        private int journalSize;
        private boolean openAiSchemaMembers;
        private boolean usageChunkAlways;
        private int rateLimitRpm;
        private String modelsFile;
        private boolean logRequests;
        private String corsOrigin;
        private boolean inlineUnparsedReasoning;

        private Builder(MockConfig c) {
            port = c.port;
            host = c.host;
            tokens = c.tokens;
            teams = c.teams;
            strictUnknownFields = c.strictUnknownFields;
            seed = c.seed;
            maxBodyBytes = c.maxBodyBytes;
            errorEnvelope = c.errorEnvelope;
            endpoints = c.endpoints;
            admin = c.admin;
            firstTokenMs = c.firstTokenMs;
            interTokenMs = c.interTokenMs;
            clock = c.clock;
            journalSize = c.journalSize;
            openAiSchemaMembers = c.openAiSchemaMembers;
            usageChunkAlways = c.usageChunkAlways;
            rateLimitRpm = c.rateLimitRpm;
            modelsFile = c.modelsFile;
            logRequests = c.logRequests;
            corsOrigin = c.corsOrigin;
            inlineUnparsedReasoning = c.inlineUnparsedReasoning;
        }

        public Builder port(int v) { port = v; return this; }
        public Builder host(String v) { host = v; return this; }
        public Builder tokens(Set<String> v) { tokens = v; return this; }
        public Builder teams(Set<String> v) { teams = v; return this; }
        public Builder strictUnknownFields(boolean v) { strictUnknownFields = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder maxBodyBytes(long v) { maxBodyBytes = v; return this; }
        public Builder errorEnvelope(ErrorEnvelope v) { errorEnvelope = v; return this; }
        public Builder endpoints(Set<String> v) { endpoints = v; return this; }
        public Builder admin(boolean v) { admin = v; return this; }
        public Builder pacing(long first, long inter) { firstTokenMs = first; interTokenMs = inter; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder journalSize(int v) { journalSize = v; return this; }
        public Builder openAiSchemaMembers(boolean v) { openAiSchemaMembers = v; return this; }
        public Builder usageChunkAlways(boolean v) { usageChunkAlways = v; return this; }
        public Builder rateLimitRpm(int v) { rateLimitRpm = v; return this; }
        public Builder modelsFile(String v) { modelsFile = v; return this; }
        public Builder logRequests(boolean v) { logRequests = v; return this; }
        public Builder corsOrigin(String v) { corsOrigin = v; return this; }
        public Builder inlineUnparsedReasoning(boolean v) { inlineUnparsedReasoning = v; return this; }

        public MockConfig build() {
            return new MockConfig(port, host, tokens, teams, strictUnknownFields, seed, maxBodyBytes, errorEnvelope,
                    endpoints, admin, firstTokenMs, interTokenMs, clock, journalSize, openAiSchemaMembers,
                    usageChunkAlways, rateLimitRpm, modelsFile, logRequests, corsOrigin,
                    inlineUnparsedReasoning);
        }
    }
}
