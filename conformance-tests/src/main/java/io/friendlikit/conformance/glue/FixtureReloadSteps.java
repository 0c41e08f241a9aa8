package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.friendlikit.conformance.json.Json;
import io.friendlikit.conformance.targets.AdminClient;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hot reload of fixture files, seen from outside: the kit writes a fixture file into a directory the mock watches
 * and checks that the mock's answers change. The kit speaks HTTP only, so it learns the directories from
 * {@code GET /__admin/health} ({@code fixtures}); it can write there only when it shares the mock's file system
 * (the embedded mock, or a mock process on this machine), and skips with the reason otherwise.
 */
public final class FixtureReloadSteps {

    private final ChatWorld world;
    private final Rules rules;
    private Path directory;
    private final List<Path> written = new ArrayList<>();

    public FixtureReloadSteps(ChatWorld world, Rules rules) {
        this.world = world;
        this.rules = rules;
    }

    @Given("the mock watches a fixture directory on this machine")
    public void watchedDirectory() {
        AdminClient.Reply health = world.target().admin().orElseThrow(() ->
                new IllegalStateException("no admin API; only @mock-control scenarios may use fixture steps"))
                .get("/health");
        JsonNode dirs = health.status() == 200 ? health.json().path("fixtures") : null;
        if (dirs == null || !dirs.isArray() || dirs.isEmpty()) {
            throw new TestAbortedException("needs a mock watching a fixture directory: start it with --fixtures DIR"
                    + " (GET /__admin/health lists none)");
        }
        Path dir = Path.of(dirs.get(0).asText());
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new TestAbortedException("the mock's fixture directory " + dir + " is not a writable directory on"
                    + " the kit's machine (is the mock running elsewhere?)");
        }
        directory = dir;
    }

    /** Writes the file whole and at once (temp file + move), so the mock never reads half of it. */
    @When("a fixture file {string} is written answering {string} when the last user message contains {string}")
    public void writeFixture(String name, String text, String contains) throws IOException {
        if (directory == null) {
            throw new IllegalStateException("a fixture file needs the step 'the mock watches a fixture directory on"
                    + " this machine' first");
        }
        ObjectNode file = Json.MAPPER.createObjectNode();
        file.put("description", "written by the conformance kit to check that fixture files are reloaded");
        ObjectNode scenario = file.putArray("scenarios").addObject();
        scenario.put("name", "kit: " + name);
        scenario.putObject("match").put("lastUserMessage", contains);
        scenario.putObject("reply").put("content", text);
        Path target = directory.resolve(name);
        Path temp = Files.createTempFile(directory, ".kit-", ".tmp");
        written.add(target);
        Files.writeString(temp, Json.write(file), StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Sends the request again every 200 ms until the answer's content is {@code text} or the time is up. */
    @Then("within {int} seconds the content of the answer is {string}")
    public void eventuallyAnswered(int seconds, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        String last;
        do {
            world.send();
            last = world.answer().path("choices").path(0).path("message").path("content").asText(null);
            if (text.equals(last)) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        String got = last;
        rules.check(false, "within " + seconds + " s the content \"" + text + "\" (the fixture file reloaded)",
                () -> "still \"" + got + "\"");
    }

    /** Removes the files this scenario wrote: the mock drops their scenarios at its next look. */
    @After
    public void removeWrittenFiles() throws IOException {
        for (Path file : written) {
            Files.deleteIfExists(file);
        }
        written.clear();
    }
}
