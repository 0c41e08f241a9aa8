package io.friendlikit.mock.admin;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.InvalidMember;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads admin bodies into records and writes admin views, both with the server's one mapper. Binding is strict:
 * an unknown member, a value of the wrong JSON type, a duplicate member or a value out of range (refused by the
 * record's constructor) is an {@link AdminProblem} naming the member.
 */
public final class AdminJson {

    private final ObjectReader trees;
    private final ObjectReader values;
    private final ObjectWriter views;

    public AdminJson(ObjectMapper mapper) {
        this.trees = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.values = mapper.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // a fault's type id is written by the view itself (see ListFaults)
        this.views = mapper.writer().without(SerializationFeature.FAIL_ON_UNWRAPPED_TYPE_IDENTIFIERS);
    }

    /** The body as a JSON object; an empty body is an empty object. */
    ObjectNode object(byte[] body) {
        if (isBlank(body)) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = trees.readTree(body);
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage().startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser p) {
                String member = path(p.getParsingContext());
                throw new AdminProblem(ApiError.badAdminRequest(member,
                        member + ": given twice; give each member once"));
            }
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new AdminProblem(ApiError.badAdminRequest(null, "invalid JSON: " + e.getOriginalMessage() + where));
        } catch (IOException e) {
            throw new AdminProblem(ApiError.badAdminRequest(null, "invalid JSON: " + e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new AdminProblem(ApiError.badAdminRequest(null, "the body must be a JSON object, got "
                    + describe(node)));
        }
        return (ObjectNode) node;
    }

    /**
     * Binds {@code node} to {@code type}.
     *
     * @param at where {@code node} sits in the body, prefixed to member names in messages ("" for the body)
     */
    <T> T bind(JsonNode node, Class<T> type, String at) {
        try {
            return values.forType(type).readValue(node);
        } catch (JsonMappingException e) {
            throw new AdminProblem(explain(e, node, at));
        } catch (IOException e) {
            throw new AdminProblem(ApiError.badAdminRequest(at.isEmpty() ? null : at, e.getMessage()));
        }
    }

    /** The view as a JSON tree, as {@link #write} would write it. */
    public JsonNode tree(Object view) {
        try {
            return trees.readTree(write(view));
        } catch (IOException e) {
            throw new IllegalStateException("cannot render an admin view " + view.getClass().getSimpleName(), e);
        }
    }

    /** The view as JSON bytes. */
    public byte[] write(Object view) {
        try {
            return views.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render an admin view " + view.getClass().getSimpleName(), e);
        }
    }

    private static ApiError explain(JsonMappingException e, JsonNode root, String at) {
        List<JsonMappingException.Reference> path = e.getPath();
        String member = join(at, path);
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<String> known = new TreeSet<>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            return ApiError.unknownAdminMember(member, known);
        }
        if (e instanceof InvalidTypeIdException badType) {
            String typeMember = join(member, "type");
            List<String> names = typeNames(badType.getBaseType().getRawClass());
            String rule = badType.getTypeId() == null ? "required; one of " + String.join(", ", names)
                    : "unknown " + noun(badType.getBaseType().getRawClass()) + " type '" + badType.getTypeId()
                            + "'; one of " + String.join(", ", names);
            return ApiError.badAdminRequest(typeMember, typeMember + ": " + rule);
        }
        if (e instanceof ValueInstantiationException failed && failed.getCause() instanceof InvalidMember invalid) {
            String name = join(member, invalid.member());
            return ApiError.badAdminRequest(name, join(member, invalid.getMessage()));
        }
        if (e instanceof ValueInstantiationException failed && failed.getCause() instanceof IllegalArgumentException) {
            return ApiError.badAdminRequest(member.isEmpty() ? null : member,
                    (member.isEmpty() ? "" : member + ": ") + failed.getCause().getMessage());
        }
        if (e.getCause() instanceof InputCoercionException tooBig) {
            return ApiError.mistypedAdminMember(member, "an integer of at most " + bits(tooBig.getTargetType())
                    + " bits", describe(nodeAt(root, path)));
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return ApiError.mistypedAdminMember(member.isEmpty() ? "the body" : member,
                    expected(mismatched.getTargetType()), describe(nodeAt(root, path)));
        }
        return ApiError.badAdminRequest(member.isEmpty() ? null : member,
                (member.isEmpty() ? "" : member + ": ") + e.getOriginalMessage());
    }

    /** The names of the variants of a sealed polymorphic type, from their {@link JsonTypeName}s. */
    static List<String> typeNames(Class<?> base) {
        List<String> names = new ArrayList<>();
        Class<?>[] variants = base.getPermittedSubclasses();
        if (variants != null) {
            for (Class<?> c : variants) {
                JsonTypeName name = c.getAnnotation(JsonTypeName.class);
                if (name != null) {
                    names.add(name.value());
                }
            }
        }
        return names;
    }

    private static int bits(Class<?> type) {
        return type == Long.class || type == long.class ? 64 : 32;
    }

    private static String noun(Class<?> base) {
        return base.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String join(String at, List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder(at);
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The dotted path of where a parser is, e.g. {@code reply.toolCalls[0].name}. */
    private static String path(JsonStreamContext at) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push((c.getParent() != null && c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            }
        }
        return String.join("", parts);
    }

    private static String join(String at, String member) {
        return at.isEmpty() ? member : at + "." + member;
    }

    private static JsonNode nodeAt(JsonNode root, List<JsonMappingException.Reference> path) {
        JsonNode node = root;
        for (JsonMappingException.Reference r : path) {
            if (node == null) {
                return null;
            }
            node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
        }
        return node;
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Times.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type.isInterface()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return switch (node.getNodeType()) {
            case STRING -> "a string " + shown;
            case NUMBER -> (node.isIntegralNumber() ? "an integer " : "a number ") + shown;
            case BOOLEAN -> "a boolean " + shown;
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> shown;
        };
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
