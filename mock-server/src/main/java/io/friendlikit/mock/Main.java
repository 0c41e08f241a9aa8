package io.friendlikit.mock;

import io.friendlikit.mock.config.ConfigException;
import io.friendlikit.mock.config.ConfigResolver;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.config.Setting;
import io.friendlikit.mock.http.Routes;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar friendli-mock-server.jar [options]}: starts the mock and serves until SIGTERM or Ctrl-C.
 * The first line of output names the base URL.
 */
public final class Main {

    /** Undertow and XNIO log a start-up banner through java.util.logging; the console is kept for our lines. */
    private static final java.util.List<java.util.logging.Logger> QUIET_LOGGERS = java.util.List.of(
            java.util.logging.Logger.getLogger("io.undertow"), java.util.logging.Logger.getLogger("org.xnio"),
            java.util.logging.Logger.getLogger("org.jboss"));

    private Main() {
    }

    public static void main(String[] args) {
        QUIET_LOGGERS.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
        System.exit(run(args, System.out, System.err, true));
    }

    /** Runs the program; with {@code block} false it returns once the server is up (for tests). */
    static int run(String[] args, PrintStream out, PrintStream err, boolean block) {
        if (ConfigResolver.wantsHelp(args)) {
            out.print(ConfigResolver.help());
            return 0;
        }
        MockConfig config;
        try {
            config = ConfigResolver.resolve(args);
        } catch (ConfigException e) {
            err.println("friendli-mock: " + e.getMessage());
            return 2;
        }
        // lines logged while building (fixture loads) wait until the first line, the base URL, is out
        Console console = new Console(out);
        MockServer server;
        try {
            MockServer.Builder builder = MockServer.builder().config(config).log(console::print);
            if (config.logRequests()) {
                builder.requestLog(line -> {
                    synchronized (out) {
                        out.println(line);
                        out.flush();
                    }
                });
            }
            server = builder.build();
        } catch (ConfigException e) {
            err.println("friendli-mock: " + e.getMessage());
            return 2;
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            err.println("friendli-mock: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + rootMessage(e));
            return 1;
        }
        out.println("Friendli mock listening on " + server.baseUri());
        out.println("  serverless base URL: " + server.baseUri() + "/serverless/v1   (any non-empty bearer token"
                + (config.tokens().isEmpty() ? "" : " from " + Setting.TOKENS.flag()) + ")");
        out.println("  dedicated base URL:  " + server.baseUri() + "/dedicated/v1   endpoints: "
                + String.join(", ", config.endpoints()));
        out.println("  container base URL:  " + server.baseUri() + "/v1   (no auth)");
        out.println("  seed " + config.seed() + ", unknown fields " + (config.strictUnknownFields() ? "rejected"
                : "ignored") + ", admin API " + (config.admin() ? server.baseUri() + "/__admin" : "off"));
        for (Routes.Route r : server.routes()) {
            out.printf("  %-6s %-34s %s%n", r.method(), r.path(), r.purpose());
        }
        out.flush();
        console.open();
        if (!block) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("Friendli mock stopped");
            out.flush();
            stopped.countDown();
        }, "friendli-mock-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Prints whole lines to standard output; holds them back until {@link #open()}. */
    private static final class Console {
        private final PrintStream out;
        private final java.util.List<String> held = new java.util.ArrayList<>();
        private boolean open;

        Console(PrintStream out) {
            this.out = out;
        }

        synchronized void print(String line) {
            if (!open) {
                held.add(line);
                return;
            }
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }

        synchronized void open() {
            open = true;
            held.forEach(this::print);
            held.clear();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
