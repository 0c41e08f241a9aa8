package io.friendlikit.mock.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which of the mock's URIs a {@link java.net.URI} parameter or field receives. A URI without this annotation is
 * refused, since the mock has several; {@code @MockUri URI base} is the serverless base URL an OpenAI-compatible
 * client takes.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MockUri {

    Kind value() default Kind.SERVERLESS;

    /** The URIs of one server, e.g. for port 54321. */
    enum Kind {
        /** {@code http://127.0.0.1:54321}: the admin API is at {@code /__admin}. */
        ROOT(""),
        /** {@code http://127.0.0.1:54321/serverless/v1}: model ids from the catalogue, bearer auth. */
        SERVERLESS("/serverless/v1"),
        /** {@code http://127.0.0.1:54321/dedicated/v1}: model = an endpoint id of {@code endpoints}, bearer auth. */
        DEDICATED("/dedicated/v1"),
        /** {@code http://127.0.0.1:54321/v1}: the Friendli Container flavour, no auth. */
        CONTAINER("/v1");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        /** This kind's URI on the server whose root is {@code root}. */
        public java.net.URI of(java.net.URI root) {
            return java.net.URI.create(root + path);
        }
    }
}
