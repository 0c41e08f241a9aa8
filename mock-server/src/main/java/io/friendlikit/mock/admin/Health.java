package io.friendlikit.mock.admin;

/**
 * {@code GET /__admin/health}: liveness, the kind of server (how a kit recognises the mock), open streams, and the
 * team policy ({@code teams}: the allowed X-Friendli-Team values, sorted; empty when every team is allowed), so a kit
 * knows whether it can name a team that is refused.
 */
public final class Health implements AdminTask {

    public static final String KIND = "friendli-mock";

    public record Answer(String status, String kind, int openStreams, java.util.List<String> teams)
            implements AdminView {
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        return AdminAnswer.ok(new Answer("ok", KIND, admin.openStreams(),
                admin.allowedTeams().stream().sorted().toList()));
    }
}
