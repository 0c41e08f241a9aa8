package io.friendlikit.mock.admin;

/**
 * {@code GET /__admin/health}: liveness, the kind of server (how a kit recognises the mock), open streams, and the
 * team policy ({@code teams}: the allowed X-Friendli-Team values, sorted; empty when every team is allowed), so a kit
 * knows whether it can name a team that is refused; and the fixture directories it watches ({@code fixtures},
 * absolute paths), so a kit sharing the machine can write a fixture file there and see it reloaded; the number of
 * recordings loaded from them ({@code recordings}) and, in record mode, the upstream ({@code recordingTo} is the
 * directory written to, {@code upstream} the URL forwarded to; both left out otherwise).
 */
public final class Health implements AdminTask {

    public static final String KIND = "friendli-mock";

    public record Answer(String status, String kind, int openStreams, java.util.List<String> teams,
                         java.util.List<String> fixtures, int recordings, String upstream, String recordingTo)
            implements AdminView {
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        return AdminAnswer.ok(new Answer("ok", KIND, admin.openStreams(),
                admin.allowedTeams().stream().sorted().toList(), admin.fixtureDirectories(), admin.recordingsLoaded(),
                admin.upstream(), admin.recordingTo()));
    }
}
