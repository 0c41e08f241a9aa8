package io.friendlikit.mock.admin;

/** {@code GET /__admin/health}: liveness, the kind of server (how a kit recognises the mock), open streams. */
public final class Health implements AdminTask {

    public static final String KIND = "friendli-mock";

    public record Answer(String status, String kind, int openStreams) implements AdminView {
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        return AdminAnswer.ok(new Answer("ok", KIND, admin.openStreams()));
    }
}
