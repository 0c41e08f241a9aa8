package io.friendlikit.mock.recording;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory a recording proxy writes to. Files are named {@code NNNN-<model>-<plain|stream>.json}: a number
 * counting on from the highest already there (so a second session adds to the first), the model (characters other
 * than letters, digits, dot, dash and underscore become dashes) and the kind of answer. Each file is written to a
 * hidden temporary file beside it and moved into place in one step, so a reader (the fixture watcher, git) never
 * sees half a recording.
 */
public final class RecordingFiles {

    private static final Pattern NUMBERED = Pattern.compile("^(\\d{4,9})-.*\\.json$");
    private static final int MAX_MODEL_CHARS = 60;

    private final Path directory;
    private int last;

    /**
     * Opens (and creates) the directory and checks that it can be written.
     *
     * @throws IOException naming the directory when it cannot be created or written
     */
    public RecordingFiles(Path directory) throws IOException {
        this.directory = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new IOException(this.directory + ": cannot create the recording directory: " + e.getMessage(), e);
        }
        if (!Files.isDirectory(this.directory) || !Files.isWritable(this.directory)) {
            throw new IOException(this.directory + ": the recording directory is not writable");
        }
        Path probe = this.directory.resolve(".friendli-mock-write-check");
        try {
            Files.write(probe, new byte[0]);
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException(this.directory + ": the recording directory is not writable: " + e.getMessage(), e);
        }
        try (Stream<Path> files = Files.list(this.directory)) {
            last = files.map(p -> NUMBERED.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        }
    }

    public Path directory() {
        return directory;
    }

    /** The file name of recording number {@code n}. */
    public static String name(int n, String model, boolean stream) {
        String m = model == null || model.isBlank() ? "no-model"
                : model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        if (m.isEmpty()) {
            m = "no-model";
        }
        if (m.length() > MAX_MODEL_CHARS) {
            m = m.substring(0, MAX_MODEL_CHARS);
        }
        return String.format(Locale.ROOT, "%04d-%s-%s.json", n, m, stream ? "stream" : "plain");
    }

    /**
     * Writes a recording under the next number.
     *
     * @return the file written
     * @throws IOException naming the file when it cannot be written (nothing half-written is left behind)
     */
    public synchronized Path write(Recording recording) throws IOException {
        int n = last + 1;
        Path target = directory.resolve(name(n, recording.request().model(), recording.response().streamed()));
        Path temp = directory.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.write(temp, recording.toBytes());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException(target + ": cannot write the recording: " + e.getMessage(), e);
        }
        last = n;
        return target;
    }
}
