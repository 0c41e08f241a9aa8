package io.friendlikit.bench;

import io.undertow.Undertow;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ceiling the mock is measured against: a bare Undertow handler that reads the request body and answers the
 * same bytes every time, a fixed chat.completion for a plain request and a fixed stream of events, one write per
 * event, for a request whose body asks for {@code "stream":true}. No parsing, no validation, no generation: what
 * Undertow itself costs for the same exchange on the same machine.
 *
 * <p>The fixed answers are the mock's own answers to the benchmark request ({@code bench/plain.json},
 * {@code bench/stream.sse}), so both servers write the same number of bytes and events.
 */
public final class BareCeiling {

    private static final byte[] STREAM_MARKER = "\"stream\":true".getBytes(StandardCharsets.US_ASCII);

    private final byte[] plain;
    private final List<byte[]> events;

    BareCeiling(byte[] plain, List<byte[]> events) {
        this.plain = plain;
        this.events = events;
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        BareCeiling ceiling = new BareCeiling(resource("bench/plain.json"), events(resource("bench/stream.sse")));
        Undertow server = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setHandler(ceiling::handle)
                .build();
        server.start();
        int bound = ((java.net.InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        System.out.println("bare ceiling listening on http://127.0.0.1:" + bound);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }

    private void handle(HttpServerExchange exchange) {
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
            if (indexOf(body, STREAM_MARKER) >= 0) {
                ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/event-stream");
                ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
                writeEvent(ex, ex.getResponseSender(), 0);
            } else {
                ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                ex.getResponseSender().send(ByteBuffer.wrap(plain));
            }
        });
    }

    /** Writes event {@code i}, and the next one when that write completed: one write (and flush) per event. */
    private void writeEvent(HttpServerExchange exchange, Sender sender, int i) {
        if (i == events.size()) {
            sender.close(IoCallback.END_EXCHANGE);
            return;
        }
        sender.send(ByteBuffer.wrap(events.get(i)), new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange ex, Sender s) {
                writeEvent(ex, s, i + 1);
            }

            @Override
            public void onException(HttpServerExchange ex, Sender s, IOException e) {
                IoCallback.END_EXCHANGE.onException(ex, s, e);
            }
        });
    }

    /** Splits an SSE transcript into its events, each with its blank line. */
    static List<byte[]> events(byte[] transcript) {
        String text = new String(transcript, StandardCharsets.UTF_8);
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        int end;
        while ((end = text.indexOf("\n\n", start)) >= 0) {
            out.add(text.substring(start, end + 2).getBytes(StandardCharsets.UTF_8));
            start = end + 2;
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("the stream transcript holds no event");
        }
        return List.copyOf(out);
    }

    static byte[] resource(String name) {
        try (InputStream in = BareCeiling.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
