package io.friendlikit.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.recording.Recording;
import io.friendlikit.mock.recording.RecordingException;
import io.friendlikit.mock.recording.ReplayIndex;
import io.friendlikit.mock.script.CappedRegistry;
import io.friendlikit.mock.script.InvalidMember;
import io.friendlikit.mock.script.Scenario;
import io.friendlikit.mock.script.ScenarioRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Scenario files in directories: every {@code *.json} below them (sorted by path) holds one scenario in the format
 * of {@code POST /__admin/scenarios}, or {@code {"description": "...", "scenarios": [...]}}. Each file is checked on
 * load; an error names the file, the JSON Pointer of the bad member and the rule. A file with a {@code recording}
 * member is a recorded exchange instead (docs/RECORDINGS.md): it goes to the {@link ReplayIndex}. {@link #watch} polls the
 * directories on a daemon thread and reloads when a file is added, changed or removed: a file that no longer loads
 * keeps its previous scenarios, and every reload is logged.
 */
public final class FixtureFiles implements AutoCloseable {

    /** Largest fixture file read. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    /** Most files loaded from all directories together. */
    public static final int MAX_FILES = 1_000;
    private static final int MAX_DEPTH = 16;

    /** A file that does not load; the message is {@code file: pointer: rule}. */
    public static final class FixtureException extends IllegalArgumentException {
        public FixtureException(String message) {
            super(message);
        }
    }

    /** What one file gave: its scenarios with their uses, or why it did not load. */
    private record Loaded(List<Scenario> scenarios, List<Integer> times, Recording recording, String error) {
    }

    private record Stamp(long modified, long size) {
    }

    private final List<Path> directories;
    private final boolean lenient;
    private final ScenarioRegistry registry;
    private final ReplayIndex replays;
    private final AdminJson json;
    private final Consumer<String> log;
    private final Map<Path, Loaded> good = new LinkedHashMap<>();
    private Map<Path, Stamp> stamps = Map.of();
    private Thread watcher;
    private volatile boolean closed;

    /**
     * @param lenient true: a file that does not load at start is skipped with a warning; false: it is an error
     * @param replays receives the recordings among the files
     * @param log     receives one line per load, reload and skipped file
     */
    public FixtureFiles(List<Path> directories, boolean lenient, ScenarioRegistry registry, ReplayIndex replays,
                        AdminJson json, Consumer<String> log) {
        this.replays = Objects.requireNonNull(replays);
        this.directories = List.copyOf(directories);
        this.lenient = lenient;
        this.registry = Objects.requireNonNull(registry);
        this.json = Objects.requireNonNull(json);
        this.log = Objects.requireNonNull(log);
    }

    /**
     * Loads every file and puts their scenarios in the registry.
     *
     * @return the number of scenarios loaded
     * @throws FixtureException the first file that does not load (unless lenient)
     */
    public synchronized int load() {
        Map<Path, Stamp> now = scan();
        good.clear();
        for (Path file : now.keySet()) {
            Loaded loaded = read(file);
            if (loaded.error() != null) {
                if (!lenient) {
                    throw new FixtureException(loaded.error());
                }
                log.accept("fixtures: skipped " + loaded.error());
                continue;
            }
            good.put(file, loaded);
        }
        stamps = now;
        int count = install();
        log.accept("fixtures: loaded " + count + " scenario" + (count == 1 ? "" : "s") + recordings() + " from "
                + good.size()
                + " file" + (good.size() == 1 ? "" : "s") + " in " + String.join(", ",
                directories.stream().map(Path::toString).toList()));
        return count;
    }

    /**
     * Looks for changed, added or removed files and reloads if there are any.
     *
     * @return whether anything changed
     */
    public synchronized boolean reloadIfChanged() {
        Map<Path, Stamp> now;
        try {
            now = scan();
        } catch (FixtureException e) {
            log.accept("fixtures: not reloaded: " + e.getMessage());
            return false;
        }
        if (now.equals(stamps)) {
            return false;
        }
        List<String> changed = new ArrayList<>();
        for (Map.Entry<Path, Stamp> e : now.entrySet()) {
            if (!e.getValue().equals(stamps.get(e.getKey()))) {
                changed.add(e.getKey().toString());
            }
        }
        for (Path gone : stamps.keySet()) {
            if (!now.containsKey(gone)) {
                changed.add(gone + " (removed)");
            }
        }
        Map<Path, Loaded> next = new LinkedHashMap<>();
        for (Path file : now.keySet()) {
            boolean same = now.get(file).equals(stamps.get(file));
            Loaded loaded = same && good.containsKey(file) ? good.get(file) : read(file);
            if (loaded.error() != null) {
                log.accept("fixtures: " + loaded.error() + (good.containsKey(file)
                        ? "; keeping its previous scenarios" : "; skipped"));
                if (good.containsKey(file)) {
                    next.put(file, good.get(file));
                }
                continue;
            }
            next.put(file, loaded);
        }
        good.clear();
        good.putAll(next);
        stamps = now;
        int count = install();
        log.accept("fixtures: reloaded " + count + " scenario" + (count == 1 ? "" : "s") + recordings()
                + " after changes to "
                + String.join(", ", changed));
        return true;
    }

    /** Polls for changes every {@code intervalMs} on a daemon thread until {@link #close()}. */
    public synchronized void watch(long intervalMs) {
        if (watcher != null || directories.isEmpty()) {
            return;
        }
        watcher = new Thread(() -> {
            while (!closed) {
                try {
                    TimeUnit.MILLISECONDS.sleep(intervalMs);
                    reloadIfChanged();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.accept("fixtures: reload failed: " + e);
                }
            }
        }, "friendli-mock-fixtures");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
            watcher = null;
        }
    }

    private String recordings() {
        int n = replays.size();
        return n == 0 ? "" : " and " + n + " recording" + (n == 1 ? "" : "s");
    }

    private int install() {
        List<Scenario> all = new ArrayList<>();
        List<Integer> times = new ArrayList<>();
        List<ReplayIndex.Loaded> recorded = new ArrayList<>();
        for (Map.Entry<Path, Loaded> e : good.entrySet()) {
            Loaded l = e.getValue();
            all.addAll(l.scenarios());
            times.addAll(l.times());
            if (l.recording() != null) {
                recorded.add(new ReplayIndex.Loaded(e.getKey().getFileName().toString(), l.recording()));
            }
        }
        replays.replace(recorded);
        try {
            registry.replaceFixtures(all, times);
        } catch (CappedRegistry.FullException full) {
            throw new FixtureException("fixtures: " + all.size() + " scenarios: " + full.getMessage());
        }
        return all.size();
    }

    /** Every fixture file with its modification time and size, in a stable order. */
    private Map<Path, Stamp> scan() {
        Map<Path, Stamp> out = new LinkedHashMap<>();
        for (Path dir : directories) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
                files = walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                        .sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new FixtureException(dir + ": cannot read the directory: " + e.getMessage());
            }
            for (Path f : files) {
                if (out.size() >= MAX_FILES) {
                    throw new FixtureException(dir + ": more than " + MAX_FILES + " fixture files");
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    out.put(f, new Stamp(a.lastModifiedTime().toMillis(), a.size()));
                } catch (IOException e) {
                    // removed between the walk and now: the next scan sees it gone
                }
            }
        }
        return out;
    }

    private Loaded read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return failed(file, "", "larger than " + MAX_FILE_BYTES + " bytes");
            }
            return parse(file, Files.readAllBytes(file));
        } catch (IOException e) {
            return failed(file, "", "cannot read: " + e.getMessage());
        }
    }

    private Loaded parse(Path file, byte[] bytes) {
        ObjectNode root;
        try {
            root = json.object(bytes);
        } catch (AdminProblem e) {
            return failed(file, pointer(e.error().param()), rule(e.error().param(), e.error().message()));
        }
        if (Recording.isRecording(root)) {
            try {
                // read again with the recording's own reader: numbers stay as written, so bodies replay byte for byte
                return new Loaded(List.of(), List.of(), Recording.read(bytes), null);
            } catch (RecordingException e) {
                return failed(file, e.pointer(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            }
        }
        List<JsonNode> items = new ArrayList<>();
        List<String> at = new ArrayList<>();
        if (root.has("scenarios")) {
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("scenarios") && !name.equals("description")) {
                    return failed(file, pointer(name), "no such member here; known: description, scenarios");
                }
            }
            JsonNode description = root.get("description");
            if (description != null && !description.isTextual()) {
                return failed(file, "/description", "must be a string, got " + AdminJson.describe(description));
            }
            JsonNode list = root.get("scenarios");
            if (!list.isArray()) {
                return failed(file, "/scenarios", "must be an array of scenarios, got " + AdminJson.describe(list));
            }
            for (int i = 0; i < list.size(); i++) {
                items.add(list.get(i));
                at.add("scenarios[" + i + "]");
            }
        } else {
            items.add(root);
            at.add("");
        }
        List<Scenario> scenarios = new ArrayList<>();
        List<Integer> times = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = at.get(i);
            if (!items.get(i).isObject()) {
                return failed(file, pointer(prefix), "must be an object (a scenario), got "
                        + AdminJson.describe(items.get(i)));
            }
            try {
                ScenarioJson.Definition d = json.bind(items.get(i), ScenarioJson.Definition.class, prefix);
                scenarios.add(d.scenario(json.tree(d.withoutTimes()), file.toString()));
                times.add(Times.of(d.times()));
            } catch (AdminProblem e) {
                return failed(file, pointer(e.error().param()), rule(e.error().param(), e.error().message()));
            } catch (InvalidMember e) {
                String member = prefix.isEmpty() ? e.member() : prefix + "." + e.member();
                return failed(file, pointer(member), rule(e.member(), e.getMessage()));
            }
        }
        return new Loaded(scenarios, times, null, null);
    }

    private static Loaded failed(Path file, String pointer, String rule) {
        return new Loaded(List.of(), List.of(), null, file + ": " + (pointer.isEmpty() ? "(the file)" : pointer) + ": "
                + rule);
    }

    /** The rule part of an admin message {@code member: rule}. */
    private static String rule(String member, String message) {
        if (member != null && !member.isEmpty() && message.startsWith(member + ": ")) {
            return message.substring(member.length() + 2);
        }
        return message;
    }

    /** {@code reply.toolCalls[0].name} as the JSON Pointer {@code /reply/toolCalls/0/name}. */
    static String pointer(String dotted) {
        if (dotted == null || dotted.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i <= dotted.length(); i++) {
            char c = i < dotted.length() ? dotted.charAt(i) : '.';
            if (c == '.' || c == '[' || c == ']') {
                if (token.length() > 0) {
                    out.append('/').append(token.toString().replace("~", "~0").replace("/", "~1"));
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        return out.toString();
    }
}
