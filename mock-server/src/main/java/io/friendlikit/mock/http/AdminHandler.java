package io.friendlikit.mock.http;

import io.friendlikit.mock.admin.Admin;
import io.friendlikit.mock.admin.AdminAnswer;
import io.friendlikit.mock.admin.AdminJson;
import io.friendlikit.mock.admin.AdminProblem;
import io.friendlikit.mock.admin.AdminRequest;
import io.friendlikit.mock.admin.AdminRoutes;
import io.friendlikit.mock.admin.AdminTask;
import io.friendlikit.mock.errors.ApiError;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;

import io.undertow.util.HeaderValues;

import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one admin task over HTTP: checks the call ({@link AdminGuard}), reads the body (up to the limit), hands the
 * task its request, writes the answer.
 */
final class AdminHandler implements HttpHandler {

    private final AdminTask task;
    /** For a route ending in {name}: the path before that segment; else null. */
    private final String namePrefix;
    private final Admin admin;
    private final AdminJson json;
    private final Responses responses;
    private final long maxBodyBytes;
    private final long readTimeoutMs;
    private final AdminGuard guard;

    AdminHandler(AdminTask task, String path, Admin admin, AdminJson json, Responses responses, long maxBodyBytes,
                 long readTimeoutMs, AdminGuard guard) {
        this.readTimeoutMs = readTimeoutMs;
        this.guard = guard;
        this.task = task;
        this.namePrefix = path.endsWith("/" + AdminRoutes.NAME)
                ? path.substring(0, path.length() - AdminRoutes.NAME.length()) : null;
        this.admin = admin;
        this.json = json;
        this.responses = responses;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        ApiError refused = guard.beforeBody(exchange);
        if (refused != null) {
            exchange.setPersistent(false);
            responses.error(exchange, refused);
            return;
        }
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> BodyReader.read(exchange, maxBodyBytes, readTimeoutMs,
                (ex, body, tooLarge) -> ex.dispatch(ex.getConnection().getWorker(), () -> run(ex, body, tooLarge)),
                responses::error));
    }

    private void run(HttpServerExchange ex, byte[] body, boolean tooLarge) {
        if (tooLarge) {
            responses.error(ex, ApiError.payloadTooLarge(maxBodyBytes));
            return;
        }
        ApiError untyped = guard.afterBody(ex, body);
        if (untyped != null) {
            responses.error(ex, untyped);
            return;
        }
        AdminAnswer answer;
        try {
            String name = namePrefix == null ? null : ex.getRequestPath().substring(namePrefix.length());
            AdminRequest request = new AdminRequest(query(ex), headers(ex), name, body, json);
            request.check(task);
            answer = task.execute(admin, request);
        } catch (AdminProblem problem) {
            answer = new AdminAnswer.Refused(problem.error());
        } catch (RuntimeException e) {
            answer = new AdminAnswer.Refused(ApiError.internal("the admin operation failed: " + e));
        }
        if (answer instanceof AdminAnswer.Json view) {
            byte[] rendered;
            try {
                rendered = json.write(view.view());
            } catch (IllegalStateException e) {
                responses.error(ex, ApiError.internal("cannot render the admin answer: " + e.getMessage()));
                return;
            }
            responses.json(ex, view.status(), rendered);
        } else if (answer instanceof AdminAnswer.Text text) {
            responses.text(ex, 200, text.contentType(), text.body());
        } else if (answer instanceof AdminAnswer.Refused refused) {
            responses.error(ex, refused.error());
        } else {
            responses.noContent(ex);
        }
    }

    private static Map<String, String> headers(HttpServerExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        for (HeaderValues values : ex.getRequestHeaders()) {
            out.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), values.getFirst());
        }
        return out;
    }

    private static Map<String, String> query(HttpServerExchange ex) {
        Map<String, String> first = new LinkedHashMap<>();
        for (Map.Entry<String, Deque<String>> p : ex.getQueryParameters().entrySet()) {
            if (!p.getValue().isEmpty()) {
                first.put(p.getKey(), p.getValue().getFirst());
            }
        }
        return first;
    }
}
