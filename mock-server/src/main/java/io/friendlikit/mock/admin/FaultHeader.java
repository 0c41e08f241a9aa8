package io.friendlikit.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.Fault;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The faults of one chat request, given in its {@code X-Mock-Fault} header: {@code type;member=value;...}, several
 * separated by commas ({@code latency;firstTokenMs=200, disconnect;afterChunks=3}). Each becomes the same
 * {@link Fault} record {@code POST /__admin/faults} binds, with the same rules and messages; a value that looks like
 * an integer or a boolean is one, anything else is a string (so a value cannot hold {@code ;} or {@code ,}).
 */
public final class FaultHeader {

    public static final String HEADER = "X-Mock-Fault";
    /** Most faults one header may give. */
    static final int MAX_FAULTS = 16;

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    private final AdminJson json;

    public FaultHeader(AdminJson json) {
        this.json = json;
    }

    /**
     * @throws AdminProblem with a 400 naming the header and the member that is wrong
     */
    public List<Fault> parse(String value) {
        List<Fault> faults = new ArrayList<>();
        for (String one : value.split(",", -1)) {
            if (one.isBlank()) {
                throw problem("an empty fault; give 'type;member=value;...', several separated by ','");
            }
            if (faults.size() == MAX_FAULTS) {
                throw problem("at most " + MAX_FAULTS + " faults per request");
            }
            faults.add(bind(one.trim()));
        }
        return faults;
    }

    private Fault bind(String text) {
        String[] parts = text.split(";", -1);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw problem(part + ": expected member=value");
            }
            String member = part.substring(0, eq).trim();
            if (node.has(member)) {
                throw problem(member + ": given twice; give each member once");
            }
            node.set(member, value(part.substring(eq + 1).trim()));
        }
        try {
            return json.bind(node, Fault.class, "");
        } catch (AdminProblem bad) {
            throw problem(bad.error().message());
        }
    }

    private static JsonNode value(String text) {
        if (INTEGER.matcher(text).matches()) {
            long n = Long.parseLong(text);
            return n == (int) n ? JsonNodeFactory.instance.numberNode((int) n) : JsonNodeFactory.instance.numberNode(n);
        }
        if (text.equals("true") || text.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(text.equals("true"));
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    private static AdminProblem problem(String rule) {
        return new AdminProblem(ApiError.badMockHeader(HEADER, HEADER + ": " + rule));
    }
}
