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
        // commands beside serving: the first argument names them
        if (args.length > 0 && "verdict".equals(args[0])) {
            return io.friendlikit.mock.cli.VerdictCommand.run(java.util.List.of(args).subList(1, args.length), out,
                    err);
        }
        if (args.length > 0 && "drift".equals(args[0])) {
            return io.friendlikit.mock.cli.DriftCommand.run(java.util.List.of(args).subList(1, args.length), out, err);
        }
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
        printListening(out, server, config);
        out.println("  serverless base URL: " + server.baseUri() + "/serverless/v1   (any non-empty bearer token"
                + (config.tokens().isEmpty() ? "" : " from " + Setting.TOKENS.flag()) + ")");
        out.println("  dedicated base URL:  " + server.baseUri() + "/dedicated/v1   endpoints: "
                + String.join(", ", config.endpoints()));
        out.println("  container base URL:  " + server.baseUri() + "/v1   (no auth)");
        out.println("  seed " + config.seed() + ", unknown fields " + (config.strictUnknownFields() ? "rejected"
                : "ignored") + ", admin API " + (config.admin() ? server.baseUri() + "/__admin" : "off"));
        if (config.recordTo() != null) {
            out.println("  record mode: chat requests are forwarded to " + config.upstream() + " and each exchange is"
                    + " written to " + java.nio.file.Path.of(config.recordTo()).toAbsolutePath().normalize());
        }
        if (server.recordingsLoaded() > 0) {
            out.println("  replaying " + server.recordingsLoaded() + " recording" + (server.recordingsLoaded() == 1
                    ? "" : "s") + " (speed " + config.get(Setting.REPLAY_SPEED) + ", requests no recording matches: "
                    + (config.get(Setting.REPLAY_MISS).equals("404") ? "404 naming the closest" : "emulated") + ")");
        }
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

    /**
     * The first lines: where the mock listens. Bound to every interface, it names the wildcard and each address it can
     * be reached at; reachable from other machines, it warns that the admin API is (and whether a token guards it).
     */
    private static void printListening(PrintStream out, MockServer server, MockConfig config) {
        listeningLines(server.boundAddress(), server.baseUri(), config).forEach(out::println);
    }

    static java.util.List<String> listeningLines(java.net.InetSocketAddress bound, java.net.URI baseUri,
                                                 MockConfig config) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        java.net.InetAddress ip = bound.getAddress();
        int port = bound.getPort();
        if (ip.isAnyLocalAddress()) {
            java.util.List<String> urls = new java.util.ArrayList<>();
            boolean ipv6 = config.host().contains(":");
            for (java.net.InetAddress a : interfaceAddresses(ipv6)) {
                urls.add(url(a, port));
            }
            String wildcard = ipv6 ? "[" + config.host().replaceAll("^\\[|]$", "") + "]" : config.host();
            lines.add("Friendli mock listening on http://" + wildcard + ":" + port + " (every interface: "
                    + (urls.isEmpty() ? "none found" : String.join(", ", urls)) + ")");
        } else {
            lines.add("Friendli mock listening on " + baseUri);
        }
        if (!ip.isLoopbackAddress() && config.admin()) {
            lines.add(config.adminToken().isEmpty()
                    ? "  WARNING: other machines can reach this mock, and its admin API (/__admin: faults, "
                            + "scenarios, the journal of every request) has no token; set "
                            + Setting.ADMIN_TOKEN.flag() + " <secret> (or " + Setting.ADMIN.flag() + " false)"
                    : "  note: other machines can reach this mock; admin calls need the X-Admin-Token of "
                            + Setting.ADMIN_TOKEN.flag());
            lines.add("  admin calls are answered for Host localhost, an IP address"
                    + (config.adminHosts().isEmpty() ? "" : " or " + String.join(", ", config.adminHosts()))
                    + " (more names: " + Setting.ADMIN_HOSTS.flag() + ")");
        }
        return lines;
    }

    private static java.util.List<java.net.InetAddress> interfaceAddresses(boolean withIpv6) {
        java.util.List<java.net.InetAddress> out = new java.util.ArrayList<>();
        try {
            for (java.net.NetworkInterface nif : java.util.Collections.list(
                    java.net.NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp()) {
                    continue;
                }
                for (java.net.InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address || (withIpv6 && !a.isLinkLocalAddress())) {
                        out.add(a);
                    }
                }
            }
        } catch (java.net.SocketException e) {
            // no list of interfaces: the wildcard address alone is printed
        }
        out.sort(java.util.Comparator.comparing((java.net.InetAddress a) -> !a.isLoopbackAddress())
                .thenComparing(a -> a instanceof java.net.Inet6Address));
        return out;
    }

    private static String url(java.net.InetAddress a, int port) {
        String host = a.getHostAddress();
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        return "http://" + (a instanceof java.net.Inet6Address ? "[" + host + "]" : host) + ":" + port;
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
