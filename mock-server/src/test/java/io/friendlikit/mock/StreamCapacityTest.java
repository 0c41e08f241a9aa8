package io.friendlikit.mock;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paced stream holds its generation, not its rendered frames, so the stream budget (a quarter of the heap) takes
 * many more slow streams at once: 200 streams of 500 tokens (about 170 KB of rendered frames each, 34 MB in all)
 * open together in a mock with a 64 MiB heap (a 16 MiB budget). Runs the mock in its own JVM.
 */
class StreamCapacityTest {

    private static final int STREAMS = 200;

    @Test
    void manySlowStreamsFitTheBudget() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "io.friendlikit.mock.Main", "--port", "0", "--log-requests", "false", "--first-token-ms", "0",
                "--inter-token-ms", "1000")).redirectErrorStream(true).start();
        List<Socket> sockets = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).startsWith("Friendli mock listening on ");
            int port = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1).trim());
            byte[] body = ("{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + "\"Tell me a story.\"}],\"stream\":true,\"max_tokens\":500,\"min_tokens\":500,\"seed\":4}")
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < STREAMS; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                sockets.add(socket);
                socket.setSoTimeout(20_000);
                OutputStream os = socket.getOutputStream();
                os.write(("POST /serverless/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                        + "Bearer t\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                os.write(body);
                os.flush();
                assertThat(statusLine(socket.getInputStream())).as("stream %d of %d open at once", i + 1, STREAMS)
                        .startsWith("HTTP/1.1 200");
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static String statusLine(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        return line.toString();
    }
}
