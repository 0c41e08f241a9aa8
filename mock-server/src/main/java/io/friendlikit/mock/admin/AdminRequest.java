package io.friendlikit.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.InvalidMember;
import io.friendlikit.mock.script.Sessions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An admin request as a task sees it: the query parameters (first value of each), the headers it reads
 * ({@code X-Mock-Session}), the last segment of a path such as {@code /sessions/<name>}, and the body.
 */
public final class AdminRequest {

    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final String pathParameter;
    private final byte[] body;
    private final AdminJson json;

    public AdminRequest(Map<String, String> query, byte[] body, AdminJson json) {
        this(query, Map.of(), null, body, json);
    }

    /**
     * @param headers       request headers, lower-case names (first value of each)
     * @param pathParameter the path segment a route's {@code {name}} stands for, or null
     */
    public AdminRequest(Map<String, String> query, Map<String, String> headers, String pathParameter, byte[] body,
                        AdminJson json) {
        this.query = new LinkedHashMap<>(query);
        this.headers = Map.copyOf(headers);
        this.pathParameter = pathParameter;
        this.body = body.clone();
        this.json = json;
    }

    /**
     * The session the call is scoped to ({@code X-Mock-Session}), empty for the global scope.
     *
     * @throws AdminProblem naming the header when the name is not a valid session name
     */
    public Optional<String> session() {
        String name = headers.get(Sessions.HEADER.toLowerCase(Locale.ROOT));
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Sessions.checkName(name.trim()));
        } catch (InvalidMember bad) {
            throw new AdminProblem(ApiError.badAdminRequest(bad.member(), bad.getMessage()));
        }
    }

    /** The path segment the route's {@code {name}} stands for, or null when the route has none. */
    public String pathParameter() {
        return pathParameter;
    }

    /** The query parameters (the first value of each). */
    public Map<String, String> query() {
        return Map.copyOf(query);
    }

    /** Refuses what {@code task} does not take: a query parameter it does not list, a body if it reads none. */
    public void check(AdminTask task) {
        for (String name : query.keySet()) {
            if (!task.queryParameters().contains(name)) {
                throw new AdminProblem(ApiError.unknownAdminMember(name, task.queryParameters()));
            }
        }
        if (!task.takesBody()) {
            ObjectNode object = json.object(body);
            if (!object.isEmpty()) {
                throw new AdminProblem(ApiError.unknownAdminMember(object.fieldNames().next(), List.of()));
            }
        }
    }

    /** The body bound to {@code type}; an empty body reads as {@code {}}. */
    public <T> T body(Class<T> type) {
        return json.bind(json.object(body), type, "");
    }

    /**
     * The body bound to {@code type}, with one member taken out first and bound on its own (e.g. {@code times}
     * beside a fault's own members).
     */
    public <T, M> Split<T, M> body(Class<T> type, String member, Class<M> memberType) {
        ObjectNode object = json.object(body);
        JsonNode taken = object.remove(member);
        M value = taken == null || taken.isNull() ? null : json.bind(taken, memberType, member);
        return new Split<>(json.bind(object, type, ""), value);
    }

    /** An admin view as a JSON tree, as the API would write it. */
    public JsonNode tree(Object view) {
        return json.tree(view);
    }

    /**
     * The body bound to {@code type}, with the members named by the components of the record {@code membersType}
     * taken out first and bound together as that record (e.g. a fault's {@code times}, {@code probability} and
     * {@code seed} beside its own members). Left out or null, a member is null in the record.
     */
    public <T, M extends Record> Split<T, M> bodyWith(Class<T> type, Class<M> membersType) {
        ObjectNode object = json.object(body);
        ObjectNode taken = object.objectNode();
        for (java.lang.reflect.RecordComponent c : membersType.getRecordComponents()) {
            JsonNode value = object.remove(c.getName());
            if (value != null && !value.isNull()) {
                taken.set(c.getName(), value);
            }
        }
        M members = json.bind(taken, membersType, "");
        return new Split<>(json.bind(object, type, ""), members);
    }

    /** A body bound as a value and one member beside it (null when left out). */
    public record Split<T, M>(T value, M member) {
    }
}
