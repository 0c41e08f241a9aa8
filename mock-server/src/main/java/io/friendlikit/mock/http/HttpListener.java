package io.friendlikit.mock.http;

import io.friendlikit.mock.errors.ErrorRenderer;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * The mock's HTTP/1.1 listener: Undertow's HTTP protocol on an XNIO server socket, assembled by hand (as
 * {@code Undertow.builder()} would, with the same thread and buffer sizes) so that each accepted connection gets a
 * {@link ProtocolErrorConduit} before Undertow takes it over.
 *
 * <p>Timeouts: a connection that starts no request for {@code idleTimeoutMs} is closed, and so is one whose request
 * head is not complete {@code readTimeoutMs} after its first byte (Undertow has no request to answer then); a body
 * that stalls is the {@link BodyReader}'s to answer.
 */
public final class HttpListener implements AutoCloseable {

    private final XnioWorker worker;
    private final AcceptingChannel<StreamConnection> channel;

    private HttpListener(XnioWorker worker, AcceptingChannel<StreamConnection> channel) {
        this.worker = worker;
        this.channel = channel;
    }

    /** Binds {@code host:port} and serves {@code root}; {@link #address()} tells the port chosen for port 0. */
    public static HttpListener start(String host, int port, HttpHandler root, ErrorRenderer errors,
                                     long readTimeoutMs, long idleTimeoutMs) {
        int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
        XnioWorker worker;
        try {
            worker = Xnio.getInstance(HttpOpenListener.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, ioThreads)
                    .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                    .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                    .set(Options.WORKER_TASK_CORE_THREADS, ioThreads * 8)
                    .set(Options.WORKER_TASK_MAX_THREADS, ioThreads * 8)
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.CORK, true)
                    .getMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the IO threads", e);
        }
        OptionMap protocol = OptionMap.builder()
                .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                // the BodyReader enforces the body limit and answers 413; Undertow's own limit (2 MiB by default)
                // would cut a chunked body with a reset and print a stack trace
                .set(UndertowOptions.MAX_ENTITY_SIZE, 0L)
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) idleTimeoutMs)
                .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) readTimeoutMs)
                .getMap();
        ByteBufferPool buffers = new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4);
        HttpOpenListener http = new HttpOpenListener(buffers, protocol);
        http.setRootHandler(root);
        ChannelListener<StreamConnection> accepted = connection -> {
            connection.getSinkChannel().setConduit(
                    new ProtocolErrorConduit(connection.getSinkChannel().getConduit(), errors));
            http.handleEvent(connection);
        };
        OptionMap socket = OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.TCP_NODELAY, true)
                .set(Options.REUSE_ADDRESSES, true)
                .set(Options.BALANCING_TOKENS, 1)
                .set(Options.BALANCING_CONNECTIONS, 2)
                .set(Options.BACKLOG, 1000)
                .getMap();
        try {
            AcceptingChannel<StreamConnection> channel = worker.createStreamConnectionServer(
                    new InetSocketAddress(host, port), ChannelListeners.openListenerAdapter(accepted), socket);
            channel.resumeAccepts();
            return new HttpListener(worker, channel);
        } catch (IOException | RuntimeException e) {
            worker.shutdownNow();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public InetSocketAddress address() {
        return channel.getLocalAddress(InetSocketAddress.class);
    }

    @Override
    public void close() {
        IoUtils.safeClose(channel);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
