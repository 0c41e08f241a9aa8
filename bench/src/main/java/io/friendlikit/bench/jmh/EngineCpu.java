package io.friendlikit.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The CPU time of this thread per call of each {@link HotPaths} step, measured with {@link ThreadMXBean} after a
 * warm-up. On a machine shared with other work, wall-clock figures (JMH's score) swing with the load, while the
 * CPU time a thread itself spends changes much less; this is the engine's share of the harness's "server CPU per
 * plain request" (the rest is HTTP and the SSE writer).
 *
 * <pre>
 * java -cp bench/target/friendli-bench.jar:mock-server/target/friendli-mock-server.jar \
 *     io.friendlikit.bench.jmh.EngineCpu [calls]
 * </pre>
 */
public final class EngineCpu {

    private EngineCpu() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        HotPaths p = new HotPaths();
        p.setUp();
        Map<String, Callable<Object>> steps = new LinkedHashMap<>();
        steps.put("parse", p::parse);
        steps.put("validate", p::validate);
        steps.put("bind", p::bind);
        steps.put("generate", p::generate);
        steps.put("plainJson", p::plainJson);
        steps.put("handlePlain", p::handlePlain);
        steps.put("handleStream", p::handleStream);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (Map.Entry<String, Callable<Object>> step : steps.entrySet()) {
            for (int i = 0; i < calls; i++) {
                sink += step.getValue().call().hashCode();
            }
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink += step.getValue().call().hashCode();
                }
                best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
            }
            System.out.printf(Locale.ROOT, "%-14s %8.2f µs CPU per call (best of 5 × %d calls)%n", step.getKey(),
                    best / 1e3 / calls, calls);
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
