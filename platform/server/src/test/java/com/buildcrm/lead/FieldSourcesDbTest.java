package com.buildcrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.now.situation.NextActions;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantRef;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a lead's values came from (issue 16), on real PostgreSQL: a stated name replaces the
 * WhatsApp profile name, a profile name never replaces a stated one, a person's edit always wins
 * over what the AI extracts later, and the lead's API shows each source. A second company's lead
 * with the same phone keeps its own sources.
 */
class FieldSourcesDbTest {

    private static final DbTier DB = DbTier.get();
    private TenantRef acme;
    private TenantRef other;
    private long lead;
    private long otherLead;

    @BeforeEach
    void seed() {
        acme = DB.newTenant("sources", "Asia/Almaty");
        other = DB.newTenant("sources-other", "Asia/Almaty");
        lead = newLeadWithProfileName(acme);
        otherLead = newLeadWithProfileName(other);
    }

    /** As the inbox does for a first message with a WhatsApp push name. */
    private static long newLeadWithProfileName(TenantRef tenant) {
        DB.sql(
                tenant,
                "INSERT INTO leads (phone, name, stage_id, temperature, score, handled_by, created_at)"
                        + " VALUES ('+77010000001', 'Aidos_KZ', "
                        + DB.stage(tenant, "NEW")
                        + ", 'COLD', 0, 'AI', now())");
        long id = DB.number(tenant, "SELECT id FROM leads WHERE phone = '+77010000001'");
        DB.data(tenant, 1, "owner")
                .work(
                        w -> {
                            FieldSources.setIfAbsent(
                                    w, id, List.of("name"), FieldSources.Source.PROFILE);
                            return null;
                        });
        return id;
    }

    @Test
    void aStatedNameReplacesTheProfileNameAndTheProfileNeverReplacesItBack() {
        assertThat(view().name()).isEqualTo("Aidos_KZ");
        assertThat(view().fieldSources()).containsExactlyEntriesOf(Map.of("name", "PROFILE"));

        aiTurn(Map.of(), Map.of("name", "Ержан", "city", "Алматы"));
        assertThat(view().fieldSources())
                .containsExactlyInAnyOrderEntriesOf(Map.of("name", "CLIENT", "city", "CLIENT"));

        // the next inbound message carries the push name again: it changes nothing
        data().work(
                        w -> {
                            FieldSources.setIfAbsent(
                                    w, lead, List.of("name"), FieldSources.Source.PROFILE);
                            return null;
                        });
        assertThat(view().fieldSources()).containsEntry("name", "CLIENT");
        assertThat(view().fields()).containsEntry("name", "Ержан");
        // another company's lead is untouched
        Map<String, String> others =
                DB.data(other, 1, "owner").work(w -> FieldSources.of(w, otherLead));
        assertThat(others).containsExactlyEntriesOf(Map.of("name", "PROFILE"));
    }

    @Test
    void aPersonsEditAlwaysWinsOverWhatTheAiExtractsLater() {
        aiTurn(Map.of(), Map.of("name", "Ержан", "city", "Алматы"));
        LeadEdits.LeadPatch patch = new LeadEdits.LeadPatch();
        patch.name = "Ержан Сейткали";
        patch.city = "Конаев";
        LeadViews.LeadResponse edited = edits().patch(lead, patch);
        assertThat(edited.fieldSources())
                .containsEntry("name", "PERSON")
                .containsEntry("city", "PERSON");

        Map<String, Object> before = view().fields();
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("name", "Марат");
        after.put("city", "Алматы");
        after.put("need", "баня");
        Map<String, Object> stored = aiTurn(before, after);

        assertThat(stored)
                .containsEntry("name", "Ержан Сейткали")
                .containsEntry("city", "Конаев")
                .containsEntry("need", "баня");
        LeadViews.LeadResponse now = view();
        assertThat(now.name()).isEqualTo("Ержан Сейткали");
        assertThat(now.fieldSources())
                .containsEntry("name", "PERSON")
                .containsEntry("city", "PERSON")
                .containsEntry("need", "CLIENT");
    }

    @Test
    void aValueAPersonRemovedIsOpenForTheAiAgain() {
        LeadEdits.LeadPatch patch = new LeadEdits.LeadPatch();
        patch.city = "Конаев";
        edits().patch(lead, patch);
        LeadEdits.LeadPatch removal = new LeadEdits.LeadPatch();
        removal.city = "";
        edits().patch(lead, removal);
        assertThat(view().fieldSources()).doesNotContainKey("city");

        Map<String, Object> before = view().fields();
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("city", "Алматы");
        assertThat(aiTurn(before, after)).containsEntry("city", "Алматы");
        assertThat(view().fieldSources()).containsEntry("city", "CLIENT");
    }

    /** What the AI turn's second transaction does with the fields (AiTurnWorker.apply). */
    private Map<String, Object> aiTurn(Map<String, Object> before, Map<String, Object> after) {
        return data().work(
                        w -> {
                            Map<String, Object> fields =
                                    FieldSources.afterAiTurn(w, lead, before, after);
                            LeadJson.writeFields(w, lead, fields);
                            w.sql("UPDATE leads SET name = ?1, city = ?2 WHERE id = ?3")
                                    .setParameter(1, fields.get("name"))
                                    .setParameter(2, fields.get("city"))
                                    .setParameter(3, lead)
                                    .executeUpdate();
                            return fields;
                        });
    }

    private TenantData data() {
        return DB.data(acme, 1, "owner");
    }

    private LeadService leads() {
        LeadService service = new LeadService();
        service.data = data();
        service.directory = DB.directory();
        service.nextActions = NextActions.at(Clock.systemUTC(), service.directory);
        return service;
    }

    private LeadViews.LeadResponse view() {
        return leads().get(lead);
    }

    private LeadEdits edits() {
        LeadEdits edits = new LeadEdits();
        edits.data = data();
        edits.leads = leads();
        edits.clock = Clock.systemUTC();
        edits.live = new Ignored<>();
        edits.alerts = new Ignored<>();
        return edits;
    }

    /** Events nobody listens to here. */
    static final class Ignored<T> implements Event<T> {
        @Override
        public void fire(T event) {}

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
