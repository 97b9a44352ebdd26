package com.buildcrm.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.tenancy.DbTier;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The live publisher on real PostgreSQL: a batch of events reaches a listener whole and in the
 * order it was published, from the one statement that notifies them all.
 */
class LivePublisherDbTest {

    private static final DbTier DB = DbTier.get();

    @Test
    void aBatchArrivesWholeAndInOrder() throws Exception {
        LivePublisher publisher = new LivePublisher();
        publisher.storage = DB.storage();
        publisher.clock = Clock.systemUTC();
        // a company id no other test uses: other tests' events on the channel are skipped
        long tenantId = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        List<LiveEvent> events =
                IntStream.rangeClosed(1, 300)
                        .mapToObj(i -> new LiveEvent(tenantId, "message.created", i, (long) -i))
                        .toList();
        try (Connection listener = DB.dataSource().getConnection()) {
            listener.setAutoCommit(true);
            try (Statement st = listener.createStatement()) {
                st.execute("LISTEN " + LivePublisher.CHANNEL);
            }
            publisher.send(events.subList(0, 1));
            publisher.send(events.subList(1, events.size()));

            List<LiveMessage> received = new ArrayList<>();
            PGConnection pg = listener.unwrap(PGConnection.class);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (received.size() < events.size() && System.nanoTime() < deadline) {
                PGNotification[] notes = pg.getNotifications(500);
                for (PGNotification n : notes == null ? new PGNotification[0] : notes) {
                    LiveMessage m = LiveMessage.fromPayload(n.getParameter());
                    if (m.tenantId() == tenantId) {
                        received.add(m);
                    }
                }
            }
            try (Statement st = listener.createStatement()) {
                st.execute("UNLISTEN " + LivePublisher.CHANNEL);
            }

            assertThat(received)
                    .extracting(LiveMessage::leadId)
                    .containsExactlyElementsOf(events.stream().map(LiveEvent::leadId).toList());
            assertThat(received)
                    .extracting(LiveMessage::messageId)
                    .containsExactlyElementsOf(events.stream().map(LiveEvent::messageId).toList());
            assertThat(received).extracting(LiveMessage::type).containsOnly("message.created");
            // the ids are made in publishing order and are unique
            assertThat(received.stream().map(LiveMessage::id).distinct()).hasSize(events.size());
        }
    }
}
