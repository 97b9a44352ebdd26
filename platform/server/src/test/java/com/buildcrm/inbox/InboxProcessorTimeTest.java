package com.buildcrm.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class InboxProcessorTimeTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-03T12:00:00Z");

    @Test
    void aPlausibleProviderTimeIsKept() {
        assertThat(InboxProcessor.parseTime("2026-12-03T11:59:00Z", NOW))
                .isEqualTo(OffsetDateTime.parse("2026-12-03T11:59:00Z"));
        assertThat(InboxProcessor.parseTime("2026-12-03T13:00:00Z", NOW)) // a fast clock
                .isEqualTo(OffsetDateTime.parse("2026-12-03T13:00:00Z"));
    }

    @Test
    void aMissingUnreadableOrImplausibleTimeIsNow() {
        assertThat(InboxProcessor.parseTime(null, NOW)).isEqualTo(NOW);
        assertThat(InboxProcessor.parseTime("yesterday", NOW)).isEqualTo(NOW);
        assertThat(InboxProcessor.parseTime("+6351645-12-28T19:18:09.663Z", NOW)).isEqualTo(NOW);
        assertThat(InboxProcessor.parseTime("1970-01-01T00:00:00Z", NOW)).isEqualTo(NOW);
        assertThat(InboxProcessor.parseTime("2026-12-05T12:00:00Z", NOW)).isEqualTo(NOW);
    }
}
