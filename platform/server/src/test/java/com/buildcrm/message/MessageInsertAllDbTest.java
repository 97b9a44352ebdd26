package com.buildcrm.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages a batch inserts with one statement (ADR 049) are stored exactly as the persistence unit
 * stores one, column for column, and their ids come back in the order they were given, even when
 * several leads' messages are interleaved.
 */
class MessageInsertAllDbTest {

    private static final DbTier DB = DbTier.get();
    private static final OffsetDateTime AT =
            OffsetDateTime.of(2031, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aBatchStoresWhatOnePersistedMessageStoresAndKeepsItsOrder() {
        TenantRef acme = DB.newTenant("insertall", "Asia/Almaty");
        long first = MessageRows.lead(DB, acme, "+77010000001");
        long second = MessageRows.lead(DB, acme, "+77010000002");

        long persisted =
                DB.inTenant(
                        acme,
                        work -> {
                            Message m = media(first, "Каталог домов");
                            work.em().persist(m);
                            work.em().flush();
                            return m.id();
                        });
        List<Long> ids =
                DB.inTenant(
                        acme,
                        work ->
                                Message.insertAll(
                                        work.em(),
                                        List.of(
                                                media(first, "Каталог домов"),
                                                text(second, "Здравствуйте!"),
                                                text(
                                                        first,
                                                        "Подскажите, пожалуйста, ваш город?"))));

        assertThat(ids).hasSize(3).isSorted().doesNotHaveDuplicates();
        assertThat(row(acme, ids.get(0))).isEqualTo(row(acme, persisted));
        assertThat(text(acme, ids.get(1))).isEqualTo("Здравствуйте!");
        assertThat(text(acme, ids.get(2))).isEqualTo("Подскажите, пожалуйста, ваш город?");
        assertThat(DB.number(acme, "SELECT lead_id FROM messages WHERE id = ?", ids.get(1)))
                .isEqualTo(second);
    }

    private static Message text(long leadId, String text) {
        return Message.outbound(leadId, MessageAuthor.AI, null, "TEXT", text, AT);
    }

    private static Message media(long leadId, String caption) {
        Message m = Message.outbound(leadId, MessageAuthor.AI, null, "IMAGE", caption, AT);
        m.attachMedia("m-1", "image/jpeg", "catalog.jpg");
        return m;
    }

    private static String row(TenantRef tenant, long id) {
        return (String)
                DB.column(tenant, "SELECT " + MessageRows.ROW + " FROM messages WHERE id = ?", id)
                        .get(0);
    }

    private static String text(TenantRef tenant, long id) {
        return (String) DB.column(tenant, "SELECT text FROM messages WHERE id = ?", id).get(0);
    }
}
