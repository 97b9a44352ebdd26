package com.buildcrm.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The silent-webhook alarm: silent longer than max(1 h, 3 x the tenant's typical gap). */
class SilentWebhookRuleTest {

    private static final long MINUTE = 60;
    private static final long HOUR = 3600;

    @Test
    void aBusyTenantIsSilentAfterAnHourEvenIfItsGapIsShort() {
        long gap = 5 * MINUTE;
        assertThat(AdminHealthService.isSilent(59 * MINUTE, gap)).isFalse();
        assertThat(AdminHealthService.isSilent(HOUR + 1, gap)).isTrue();
    }

    @Test
    void aQuietTenantIsSilentOnlyAfterThreeTimesItsTypicalGap() {
        long gap = 4 * HOUR;
        assertThat(AdminHealthService.isSilent(11 * HOUR, gap)).isFalse();
        assertThat(AdminHealthService.isSilent(12 * HOUR, gap)).isFalse();
        assertThat(AdminHealthService.isSilent(12 * HOUR + 1, gap)).isTrue();
    }
}
