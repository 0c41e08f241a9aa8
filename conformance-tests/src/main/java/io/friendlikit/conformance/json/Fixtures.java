package io.friendlikit.conformance.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads files bundled from the top-level fixtures/ directory (class-path resources under "fixtures/"). */
public final class Fixtures {

    private Fixtures() {
    }

    public static String text(String relativePath) {
        String resource = "fixtures/" + relativePath;
        ClassLoader loader = Fixtures.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("fixture not found on the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + resource, e);
        }
    }
}
