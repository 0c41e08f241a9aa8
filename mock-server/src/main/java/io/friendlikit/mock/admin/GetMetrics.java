package io.friendlikit.mock.admin;

import io.friendlikit.mock.metrics.MockMetrics;

/**
 * {@code GET /__admin/metrics}: every meter of the server in the Prometheus text format, the one admin answer that
 * is not JSON. Counters count from the server's start; {@code POST /__admin/reset} does not clear them.
 */
public final class GetMetrics implements AdminTask {

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        return AdminAnswer.text(MockMetrics.CONTENT_TYPE, admin.metrics().scrape());
    }
}
