package io.friendlikit.mock.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Completion ids ({@code chatcmpl-} + 32 hex digits). A request that carries a seed gets an id derived from the
 * server seed and its body, so the same seeded request always gets the same bytes back; other requests get ids
 * from a sequence seeded by the server seed, so a run is reproducible as a whole.
 */
public final class IdSource {

    /** One digest per thread: looking one up by name costs more than hashing a request body. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(IdSource::sha256);

    private final long serverSeed;
    private final AtomicLong sequence = new AtomicLong();

    public IdSource(long serverSeed) {
        this.serverSeed = serverSeed;
    }

    public String completionId(byte[] body, boolean seeded) {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(serverSeed).array());
        if (seeded) {
            sha.update(body);
        } else {
            sha.update("sequence".getBytes(StandardCharsets.US_ASCII));
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(sequence.incrementAndGet()).array());
        }
        byte[] digest = sha.digest();
        return "chatcmpl-" + HexFormat.of().formatHex(digest, 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
