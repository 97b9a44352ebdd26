package com.buildcrm.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A send's outcome written without loading the message ({@link Message#recordSend}, ADR 049) leaves
 * the row exactly as the entity's own transition does, for every outcome.
 */
class MessageOutcomeDbTest {

    private static final DbTier DB = DbTier.get();
    private static final OffsetDateTime CREATED =
            OffsetDateTime.of(2031, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime SENT_AT = CREATED.plusSeconds(2);

    @Test
    void eachOutcomeChangesTheRowAsTheEntityDoes() {
        TenantRef acme = DB.newTenant("outcome", "Asia/Almaty");
        long lead = MessageRows.lead(DB, acme, "+77010000001");

        same(acme, lead, m -> m.sent("wamid.1", SENT_AT), MessageStatus.SENT, "wamid.1", null);
        same(
                acme,
                lead,
                m -> m.failed("131026: not a WhatsApp user"),
                MessageStatus.FAILED,
                null,
                "131026: not a WhatsApp user");
        same(acme, lead, m -> m.unknown("timeout"), MessageStatus.UNKNOWN, null, "timeout");
        same(acme, lead, m -> m.retrying("HTTP 503"), MessageStatus.QUEUED, null, "HTTP 503");
    }

    private static void same(
            TenantRef tenant,
            long lead,
            Consumer<Message> transition,
            MessageStatus status,
            String providerId,
            String error) {
        long byEntity = stored(tenant, lead);
        long byStatement = stored(tenant, lead);
        DB.inTenant(
                tenant,
                work -> {
                    Message m = work.em().find(Message.class, byEntity);
                    transition.accept(m);
                    return null;
                });
        DB.inTenant(
                tenant,
                work -> {
                    Message.recordSend(work.em(), byStatement, status, providerId, error, SENT_AT);
                    return null;
                });
        String expected = row(tenant, byEntity);
        assertThat(expected).contains(status.name());
        assertThat(row(tenant, byStatement)).as(status.name()).isEqualTo(expected);
    }

    /** A queued outbound message whose earlier attempt left an error behind. */
    private static long stored(TenantRef tenant, long lead) {
        return DB.inTenant(
                tenant,
                work -> {
                    Message m =
                            Message.outbound(
                                    lead, MessageAuthor.AI, null, "TEXT", "Здравствуйте!", CREATED);
                    m.retrying("HTTP 429");
                    work.em().persist(m);
                    work.em().flush();
                    return m.id();
                });
    }

    private static String row(TenantRef tenant, long id) {
        return (String)
                DB.column(tenant, "SELECT " + MessageRows.ROW + " FROM messages WHERE id = ?", id)
                        .get(0);
    }
}
