package io.friendlikit.mock.http;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.errors.ErrorRenderer;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSinkConduit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Gives the error answers Undertow writes by itself a JSON body. Undertow answers some requests before any handler
 * of the mock exists: a request line or header it cannot parse, a head over the size limit (a fixed
 * {@code 400 Bad Request} with {@code Content-Length: 0}, written straight to the connection), and an HTTP/1.1
 * request with no, several or a malformed {@code Host} header (an empty {@code 400}). Those answers reach the
 * network only through the connection's sink conduit, so this conduit, placed below Undertow's, replaces a response
 * head that has an error status, {@code Content-Length: 0} and no {@code Content-Type} (every answer of the mock's
 * own handlers has a body and a type) with the same status and the error envelope.
 */
final class ProtocolErrorConduit extends AbstractStreamSinkConduit<StreamSinkConduit> {

    private static final byte[] HTTP = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEAD = 4096;

    private final ErrorRenderer errors;
    /** The rewritten answer still to be written, and how many bytes of the caller's buffer it stands for. */
    private ByteBuffer pending;
    private int replaced;

    ProtocolErrorConduit(StreamSinkConduit next, ErrorRenderer errors) {
        super(next);
        this.errors = errors;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (pending == null) {
            int headLength = emptyErrorHead(src);
            if (headLength < 0) {
                return next.write(src);
            }
            pending = rewrite(src, headLength);
            replaced = headLength;
        }
        while (pending.hasRemaining()) {
            if (next.write(pending) == 0) {
                return 0;
            }
        }
        pending = null;
        src.position(src.position() + replaced);
        return replaced;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            if (srcs[i].hasRemaining()) {
                if (pending != null || emptyErrorHead(srcs[i]) >= 0) {
                    return write(srcs[i]);
                }
                break;
            }
        }
        return next.write(srcs, offset, length);
    }

    @Override
    public int writeFinal(ByteBuffer src) throws IOException {
        return Conduits.writeFinalBasic(this, src);
    }

    @Override
    public long writeFinal(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return Conduits.writeFinalBasic(this, srcs, offset, length);
    }

    @Override
    public boolean flush() throws IOException {
        while (pending != null && pending.hasRemaining()) {
            if (next.write(pending) == 0) {
                return false;
            }
        }
        return next.flush();
    }

    /** The length of the head at the buffer's position if it is an empty error answer, else -1. */
    private static int emptyErrorHead(ByteBuffer src) {
        int start = src.position();
        int end = Math.min(src.limit(), start + MAX_HEAD);
        if (end - start < HTTP.length + 6) {
            return -1;
        }
        for (int i = 0; i < HTTP.length; i++) {
            if (src.get(start + i) != HTTP[i]) {
                return -1;
            }
        }
        byte statusClass = src.get(start + 9);
        if (statusClass != '4' && statusClass != '5') {
            return -1; // a success or redirect: the common case leaves after ten bytes
        }
        int headEnd = -1;
        for (int i = start; i + 3 < end; i++) {
            if (src.get(i) == '\r' && src.get(i + 1) == '\n' && src.get(i + 2) == '\r' && src.get(i + 3) == '\n') {
                headEnd = i + 4;
                break;
            }
        }
        if (headEnd < 0) {
            return -1;
        }
        byte[] bytes = new byte[headEnd - start];
        src.duplicate().get(bytes);
        String head = new String(bytes, StandardCharsets.ISO_8859_1);
        int status = status(head);
        String lower = head.toLowerCase(Locale.ROOT);
        boolean empty = lower.contains("\r\ncontent-length: 0\r\n") && !lower.contains("\r\ncontent-type:");
        return status >= 400 && empty ? bytes.length : -1;
    }

    private static int status(String head) {
        try {
            return Integer.parseInt(head.substring(9, 12));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return -1;
        }
    }

    private ByteBuffer rewrite(ByteBuffer src, int headLength) {
        byte[] bytes = new byte[headLength];
        src.duplicate().get(bytes);
        String head = new String(bytes, StandardCharsets.ISO_8859_1);
        String statusLine = head.substring(0, head.indexOf("\r\n"));
        String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
        byte[] body = errors.renderBytes(ApiError.malformedHttp(status(head), reason));
        StringBuilder out = new StringBuilder(statusLine).append("\r\n");
        for (String line : head.substring(statusLine.length() + 2, head.length() - 4).split("\r\n")) {
            String name = line.toLowerCase(Locale.ROOT);
            if (!line.isEmpty() && !name.startsWith("content-length:") && !name.startsWith("connection:")) {
                out.append(line).append("\r\n");
            }
        }
        // Undertow closes the connection after each of these answers; the head says so.
        out.append("Connection: close\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length)
                .append("\r\n\r\n");
        byte[] headOut = out.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer answer = ByteBuffer.allocate(headOut.length + body.length);
        answer.put(headOut).put(body).flip();
        return answer;
    }
}
