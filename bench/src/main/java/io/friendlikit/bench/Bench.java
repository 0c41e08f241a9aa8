package io.friendlikit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark harness: in one run, side by side, the bare Undertow ceiling ({@link BareCeiling}) and the mock
 * jar answering the same full, validated request — plain and streamed — each in its own JVM with default flags,
 * driven from this process over loopback. Prints the figures, the mock ÷ bare ratios and the targets they are
 * held to, and writes them as JSON.
 *
 * <pre>
 * java -jar bench/target/friendli-bench.jar [--rounds N] [--quick] [--paced] [--mock-jar PATH] [--out DIR]
 *     [--server-flag FLAG]... [--mock-flag FLAG]...
 * java -jar bench/target/friendli-bench.jar --soak MINUTES      (only the soak run, see {@link Soak})
 * </pre>
 *
 * Every phase is bounded in time; a run with default settings takes about three minutes, {@code --quick} (the CI
 * smoke run) about twenty seconds and only checks that the harness and both servers work.
 */
public final class Bench {

    /** How long each phase runs, in milliseconds. */
    record Phases(long plainWarmUp, long plain, long streamWarmUp, long stream, int plainConnections,
                  int streamConnections) {
        static final Phases FULL = new Phases(8_000, 10_000, 4_000, 10_000, 64, 32);
        static final Phases QUICK = new Phases(1_000, 2_000, 1_000, 2_000, 16, 8);
    }

    /** What one server measured in one round. */
    record Measurement(double startMs, double first5sPerSecond, LoadDriver.Result plain, double plainCpuMicros,
                       LoadDriver.Result stream, double streamCpuMicros, double rssMb, double peakRssMb,
                       long threads) {
        long errors() {
            return plain.errors() + stream.errors();
        }
    }

    /** A figure of the comparison: how to read it off a measurement, and the target it is held to. */
    record Metric(String name, String unit, ToDoubleFunction<Measurement> value, Target target) {
    }

    /**
     * A target: the mock's figure divided by the bare one must be at least / at most {@code bound}, or — for an
     * absolute target — the mock's own figure must be at most {@code bound}.
     */
    record Target(String kind, double bound) {
        static Target atLeast(double ratio) {
            return new Target("ratio>=", ratio);
        }

        static Target atMost(double ratio) {
            return new Target("ratio<=", ratio);
        }

        static Target absoluteAtMost(double value) {
            return new Target("value<=", value);
        }

        static Target none() {
            return new Target("", 0);
        }

        boolean met(double mock, double ratio) {
            return switch (kind) {
                case "ratio>=" -> ratio >= bound;
                case "ratio<=" -> ratio <= bound;
                case "value<=" -> mock <= bound;
                default -> true;
            };
        }

        String text() {
            return switch (kind) {
                case "ratio>=" -> "≥ " + bound + " × bare";
                case "ratio<=" -> "≤ " + bound + " × bare";
                case "value<=" -> "≤ " + bound;
                default -> "";
            };
        }
    }

    static final List<Metric> METRICS = List.of(
            new Metric("plain req/s", "req/s", m -> m.plain().perSecond(), Target.atLeast(0.7)),
            new Metric("plain p50", "ms", m -> m.plain().p50Ms(), Target.none()),
            new Metric("plain p99", "ms", m -> m.plain().p99Ms(), Target.atMost(1.5)),
            new Metric("server CPU per plain request", "µs", Measurement::plainCpuMicros, Target.absoluteAtMost(25)),
            new Metric("streams/s", "streams/s", m -> m.stream().perSecond(), Target.atLeast(1.0)),
            new Metric("stream p50", "ms", m -> m.stream().p50Ms(), Target.none()),
            new Metric("stream p99", "ms", m -> m.stream().p99Ms(), Target.atMost(2.0)),
            new Metric("server CPU per stream", "µs", Measurement::streamCpuMicros, Target.none()),
            new Metric("RSS after the load", "MB", Measurement::rssMb, Target.atMost(2.0)),
            new Metric("peak RSS", "MB", Measurement::peakRssMb, Target.none()),
            new Metric("threads after the load", "", m -> m.threads(), Target.none()),
            new Metric("start to first answer", "ms", Measurement::startMs, Target.atMost(1.25)),
            new Metric("first 5 s after start", "req/s", Measurement::first5sPerSecond, Target.atLeast(0.5)));

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        byte[] plainBody = BareCeiling.resource("bench/request.json");
        byte[] streamBody = BareCeiling.resource("bench/stream-request.json");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path selfJar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(options.mockJar)) {
            System.err.println("bench: no mock jar at " + options.mockJar.toAbsolutePath()
                    + " (build it first: mvn -q -B package -DskipTests, or pass --mock-jar PATH)");
            System.exit(2);
        }
        if (options.soakMinutes > 0) {
            System.exit(Soak.run(java, options, options.soakMinutes) ? 0 : 1);
        }
        Phases phases = options.quick ? Phases.QUICK : Phases.FULL;
        System.out.printf(Locale.ROOT, "bench: %d round(s), %d cores, %s; request %d bytes (stream %d bytes)%n",
                options.rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                plainBody.length, streamBody.length);
        if (!options.serverFlags.isEmpty() || !options.mockFlags.isEmpty()) {
            System.out.println("bench: NOT default flags: both servers " + options.serverFlags + ", mock "
                    + options.mockFlags);
        }

        Map<String, List<Measurement>> rounds = new LinkedHashMap<>();
        rounds.put("bare", new ArrayList<>());
        rounds.put("mock", new ArrayList<>());
        for (int r = 1; r <= options.rounds; r++) {
            int barePort = ServerProcess.freePort();
            List<String> bare = new ArrayList<>(List.of(java));
            bare.addAll(options.serverFlags);
            bare.addAll(List.of("-cp", selfJar.toString(), BareCeiling.class.getName(), Integer.toString(barePort)));
            rounds.get("bare").add(measure("bare", bare, options, phases, plainBody, streamBody, r));
            int mockPort = ServerProcess.freePort();
            List<String> mock = new ArrayList<>(List.of(java));
            mock.addAll(options.serverFlags);
            mock.addAll(options.mockFlags);
            mock.addAll(List.of("-jar", options.mockJar.toString(), "--log-requests", "false", "--port",
                    Integer.toString(mockPort)));
            rounds.get("mock").add(measure("mock", mock, options, phases, plainBody, streamBody, r));
        }
        Map<String, Object> report = report(rounds, phases, plainBody.length);
        Files.createDirectories(options.out);
        Path json = options.out.resolve("bench-results.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println("results: " + json.toAbsolutePath());

        boolean failed = rounds.values().stream().flatMap(List::stream)
                .anyMatch(m -> m.plain().completed() == 0 || m.stream().completed() == 0
                        || m.errors() > (m.plain().completed() + m.stream().completed()) / 100);
        if (failed) {
            System.out.println("bench: FAILED — a server answered nothing or more than 1 % errors (see the table)");
            System.exit(1);
        }
        if (options.paced) {
            PacedStreams.runAll(java, options, options.out);
        }
    }

    private static Measurement measure(String name, List<String> command, Options options, Phases phases,
                                       byte[] plainBody, byte[] streamBody, int round) throws Exception {
        Path log = options.out.resolve("logs").resolve(name + "-round" + round + ".log");
        try (ServerProcess server = ServerProcess.start(name, command, log)) {
            byte[] plain = LoadDriver.request(server.address(), plainBody);
            byte[] stream = LoadDriver.request(server.address(), streamBody);
            double startMs = server.awaitFirstAnswer(plain, 30_000);
            long sinceLaunchMs = (long) ((System.nanoTime() - server.launchedNanos) / 1e6);
            long rest = Math.max(0, 5_000 - sinceLaunchMs);
            LoadDriver.Result first = LoadDriver.run(name + " first 5 s", server.address(), plain,
                    phases.plainConnections(), rest, false);
            double first5s = first.completed() / 5.0;
            LoadDriver.run(name + " plain warm-up", server.address(), plain, phases.plainConnections(),
                    phases.plainWarmUp(), false);
            long cpu0 = server.cpuNanos();
            LoadDriver.Result plainRun = LoadDriver.run(name + " plain", server.address(), plain,
                    phases.plainConnections(), phases.plain(), false);
            long cpu1 = server.cpuNanos();
            LoadDriver.run(name + " stream warm-up", server.address(), stream, phases.streamConnections(),
                    phases.streamWarmUp(), true);
            long cpu2 = server.cpuNanos();
            LoadDriver.Result streamRun = LoadDriver.run(name + " stream", server.address(), stream,
                    phases.streamConnections(), phases.stream(), true);
            long cpu3 = server.cpuNanos();
            Measurement m = new Measurement(startMs, first5s, plainRun, perRequestMicros(cpu1 - cpu0, plainRun),
                    streamRun, perRequestMicros(cpu3 - cpu2, streamRun), server.status("VmRSS") / 1024.0,
                    server.status("VmHWM") / 1024.0, server.status("Threads"));
            System.out.printf(Locale.ROOT, "round %d %s: start %.0f ms, first 5 s %.0f req/s%n  %s%n  %s%n", round,
                    name, startMs, first5s, plainRun.line(), streamRun.line());
            return m;
        }
    }

    private static double perRequestMicros(long cpuNanos, LoadDriver.Result run) {
        return run.completed() == 0 ? 0 : cpuNanos / 1e3 / run.completed();
    }

    /** Prints the comparison table (medians over rounds) and returns it as data. */
    static Map<String, Object> report(Map<String, List<Measurement>> rounds, Phases phases, int requestBytes) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-30s %12s %12s %9s  %-16s %s%n", "median of rounds", "bare", "mock",
                "mock÷bare", "target", "met");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Metric metric : METRICS) {
            double bare = median(rounds.get("bare"), metric.value());
            double mock = median(rounds.get("mock"), metric.value());
            double ratio = bare == 0 ? Double.NaN : mock / bare;
            boolean met = metric.target().met(mock, ratio);
            String label = metric.name() + (metric.unit().isEmpty() ? "" : " (" + metric.unit() + ")");
            System.out.printf(Locale.ROOT, "%-30s %12.1f %12.1f %9.2f  %-16s %s%n", label, bare, mock, ratio,
                    metric.target().text(), metric.target().kind().isEmpty() ? "" : (met ? "yes" : "NO"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", metric.name());
            row.put("unit", metric.unit());
            row.put("bare", bare);
            row.put("mock", mock);
            row.put("ratio", ratio);
            row.put("target", metric.target().text());
            row.put("met", metric.target().kind().isEmpty() ? null : met);
            rows.add(row);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("java", System.getProperty("java.version"));
        report.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        report.put("requestBytes", requestBytes);
        report.put("phases", phases);
        report.put("rounds", rounds);
        report.put("comparison", rows);
        return report;
    }

    static double median(List<Measurement> ms, ToDoubleFunction<Measurement> f) {
        double[] v = ms.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Command-line options of the harness. */
    static final class Options {
        int rounds = 2;
        boolean quick;
        boolean paced;
        int soakMinutes;
        Path mockJar = Path.of("mock-server/target/friendli-mock-server.jar");
        Path out = Path.of("bench/target");
        /** JVM flags for both servers (diagnostics such as -Xlog:gc); none by default, so both run as shipped. */
        List<String> serverFlags = new ArrayList<>();
        /** JVM flags for the mock only (for example -XX:SharedArchiveFile=... to try a class-data archive). */
        List<String> mockFlags = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> a = Arrays.asList(args);
            for (int i = 0; i < a.size(); i++) {
                switch (a.get(i)) {
                    case "--rounds" -> o.rounds = Math.max(1, Math.min(10, Integer.parseInt(value(a, ++i))));
                    case "--quick" -> {
                        o.quick = true;
                        o.rounds = 1;
                    }
                    case "--paced" -> o.paced = true;
                    case "--soak" -> o.soakMinutes = Math.max(1, Math.min(60, Integer.parseInt(value(a, ++i))));
                    case "--mock-jar" -> o.mockJar = Path.of(value(a, ++i));
                    case "--out" -> o.out = Path.of(value(a, ++i));
                    case "--server-flag" -> o.serverFlags.add(value(a, ++i));
                    case "--mock-flag" -> o.mockFlags.add(value(a, ++i));
                    default -> {
                        System.err.println("bench: unknown option " + a.get(i) + "; options: --rounds N (1-10), "
                                + "--quick, --paced, --soak MINUTES (1-60), --mock-jar PATH, --out DIR, --server-flag FLAG, "
                                + "--mock-flag FLAG");
                        System.exit(2);
                    }
                }
            }
            return o;
        }

        private static String value(List<String> a, int i) {
            if (i >= a.size()) {
                System.err.println("bench: " + a.get(i - 1) + " needs a value");
                System.exit(2);
            }
            return a.get(i);
        }
    }

    static void writeLines(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }
}
