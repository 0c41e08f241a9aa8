package io.friendlikit.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One server under test, started as its own JVM so that its CPU time, resident memory and start-up are its own.
 * Reads {@code /proc/<pid>/stat} and {@code /proc/<pid>/status} (Linux), so figures are the kernel's, not the
 * JVM's opinion of itself. Only the process this harness started is ever stopped.
 */
final class ServerProcess implements AutoCloseable {

    private static final long TICKS_PER_SECOND = clockTicks();

    final String name;
    final int port;
    final long launchedNanos;
    private final Process process;

    private ServerProcess(String name, int port, Process process, long launchedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.launchedNanos = launchedNanos;
    }

    static ServerProcess start(String name, List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        long launched = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServerProcess(name, portOf(command), p, launched);
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Waits until the server answers the request with 200, polling every 2 ms for at most {@code timeoutMs}.
     * Returns the milliseconds from launch to that first answer.
     */
    double awaitFirstAnswer(byte[] request, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with status " + process.exitValue() + " before answering");
            }
            try (Socket s = new Socket()) {
                s.connect(address(), 200);
                s.setSoTimeout(5_000);
                s.getOutputStream().write(request);
                LoadDriver.Answer a = LoadDriver.read(s.getInputStream());
                if (a.status() == 200) {
                    return (System.nanoTime() - launchedNanos) / 1e6;
                }
                throw new IOException(name + " answered HTTP " + a.status() + " to the benchmark request");
            } catch (java.net.ConnectException | java.net.SocketTimeoutException notYet) {
                Thread.sleep(2);
            }
        }
        throw new IOException(name + " did not answer within " + timeoutMs + " ms");
    }

    /** User + system CPU time the process has used so far, in nanoseconds. */
    long cpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    /** A line of {@code /proc/<pid>/status} as a number ({@code VmRSS}, {@code VmHWM} in kB; {@code Threads}). */
    long status(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + key + " in /proc/" + pid() + "/status");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int portOf(List<String> command) {
        int i = command.indexOf("--port");
        return Integer.parseInt(i >= 0 ? command.get(i + 1) : command.get(command.size() - 1));
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
