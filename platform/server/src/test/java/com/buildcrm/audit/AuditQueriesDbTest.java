package com.buildcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.audit.AuditReader.AuditEntry;
import com.buildcrm.audit.AuditReader.AuditPage;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail's two native queries on real PostgreSQL: {@link AuditLog#record} writes an entry
 * (details as jsonb) and {@link AuditReader#list} pages one company's entries, newest first.
 */
class AuditQueriesDbTest {

    private static final DbTier DB = DbTier.get();
    private static TenantRef acme;
    private static TenantRef beta;
    private static AuditReader reader;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("audit", "Asia/Almaty");
        beta = DB.newTenant("audit-other", "Asia/Almaty");
        reader = new AuditReader();
        reader.storage = DB.storage();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", true);
        details.put("debounceMs", 4000);
        details.put("brain", "llm");
        details.put("prompt", null);
        DB.storage()
                .transactions()
                .inPlatformDo(
                        em -> {
                            for (int i = 1; i <= 5; i++) {
                                AuditLog.record(
                                        em,
                                        Actor.operator(7, "admin@buildcrm.local"),
                                        acme.id(),
                                        "acme.step" + i,
                                        "tenant:" + acme.id(),
                                        i == 5 ? details : Map.of());
                            }
                            AuditLog.record(
                                    em,
                                    Actor.user(1, "owner@beta.kz"),
                                    beta.id(),
                                    "beta.step",
                                    null,
                                    Map.of());
                        });
    }

    @Test
    void pagesAreNewestFirstAndOnlyTheCompanysOwn() {
        AuditPage first = reader.list(acme.id(), null, 2);
        assertThat(first.items())
                .extracting(AuditEntry::action)
                .containsExactly("acme.step5", "acme.step4");
        AuditPage second = reader.list(acme.id(), first.nextCursor(), 2);
        assertThat(second.items())
                .extracting(AuditEntry::action)
                .containsExactly("acme.step3", "acme.step2");
        AuditPage last = reader.list(acme.id(), second.nextCursor(), 2);
        assertThat(last.items()).extracting(AuditEntry::action).containsExactly("acme.step1");
        assertThat(last.nextCursor()).isNull();
        assertThat(reader.list(acme.id(), null, 200).items()).hasSize(5);

        AuditPage other = reader.list(beta.id(), null, 200);
        assertThat(other.items()).extracting(AuditEntry::action).containsExactly("beta.step");
        assertThat(other.items().get(0).actorType()).isEqualTo("USER");
        assertThat(other.items().get(0).target()).isNull();
    }

    @Test
    void anEntryKeepsItsActorTimeAndTypedDetails() {
        AuditEntry newest = reader.list(acme.id(), null, 1).items().get(0);
        assertThat(newest.actorType()).isEqualTo("OPERATOR");
        assertThat(newest.actorEmail()).isEqualTo("admin@buildcrm.local");
        assertThat(newest.target()).isEqualTo("tenant:" + acme.id());
        assertThat(newest.at()).isNotNull();
        assertThat(newest.details().getBoolean("enabled")).isTrue();
        assertThat(newest.details().getJsonNumber("debounceMs").longValue()).isEqualTo(4000);
        assertThat(newest.details().getString("brain")).isEqualTo("llm");
        assertThat(newest.details().isNull("prompt")).isTrue();
    }

    @Test
    void anUnknownCompanyOrABadCursorIsAClientError() {
        assertThatThrownBy(() -> reader.list(999_999, null, 10))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> reader.list(acme.id(), "abc", 10))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThatThrownBy(() -> reader.list(acme.id(), null, 0))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400));
    }
}
