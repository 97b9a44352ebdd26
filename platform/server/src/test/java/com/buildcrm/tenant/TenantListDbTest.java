package com.buildcrm.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenant.TenantAdminService.TenantPage;
import com.buildcrm.tenant.TenantRequests.TenantResponse;
import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's tenant list on real PostgreSQL (issue 17, goal 6; ADR 041): search, paging and the
 * total, and the figures read in batch for a page — leads created today in each tenant's own time
 * zone, the channel's state and the schema version.
 */
class TenantListDbTest {

    private static final DbTier DB = DbTier.get();

    /** 15:00 in Almaty (UTC+5): its day began at 19:00 UTC yesterday, UTC's at midnight. */
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static TenantAdminService service;
    private static TenantRef almaty;
    private static TenantRef utc;
    private static TenantRef quiet;

    @BeforeAll
    static void seed() {
        service = new TenantAdminService();
        service.storage = DB.storage();
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        almaty = DB.newTenant("tlist", "Asia/Almaty");
        utc = DB.newTenant("tlist", "UTC");
        quiet = DB.newTenant("tlist", "Asia/Almaty");
        long stage = DB.stage(almaty, "NEW");
        DB.sql(
                almaty,
                // today in Almaty: 09:00 and 01:00 local; yesterday: 23:00 local
                "INSERT INTO leads (phone, stage_id, created_at) VALUES"
                        + " ('+77010000001', "
                        + stage
                        + ", '2026-12-03T04:00:00Z'),"
                        + " ('+77010000002', "
                        + stage
                        + ", '2026-12-02T20:00:00Z'),"
                        + " ('+77010000003', "
                        + stage
                        + ", '2026-12-02T18:00:00Z')");
        long utcStage = DB.stage(utc, "NEW");
        DB.sql(
                utc,
                // today in UTC: 00:30; yesterday in UTC, though it is "today" in Almaty: 20:00
                "INSERT INTO leads (phone, stage_id, created_at) VALUES"
                        + " ('+77010000004', "
                        + utcStage
                        + ", '2026-12-03T00:30:00Z'),"
                        + " ('+77010000005', "
                        + utcStage
                        + ", '2026-12-02T20:00:00Z')",
                "INSERT INTO platform.channels (tenant_id, provider, webhook_key, last_error,"
                        + " last_error_at) VALUES ("
                        + utc.id()
                        + ", 'chatflow', 'tlist-key-"
                        + utc.id()
                        + "', 'token refused', '2026-12-03T09:00:00Z')");
    }

    @Test
    void aSearchFindsTheCompaniesByCodeNameOrOwnerNewestFirstWithTheirTotal() {
        TenantPage page = service.list("TLIST", null, 0);
        assertThat(page.items())
                .extracting(TenantResponse::slug)
                .containsExactly(quiet.slug(), utc.slug(), almaty.slug());
        assertThat(page.total()).isEqualTo(3);

        assertThat(service.list("company " + utc.slug(), null, 0).items())
                .extracting(TenantResponse::id)
                .containsExactly(utc.id());
        assertThat(service.list("  OWNER@" + almaty.slug() + ".KZ ", null, 0).items())
                .extracting(TenantResponse::id)
                .containsExactly(almaty.id());
        // LIKE's own characters are taken literally: as a pattern, "tlist_" would match "tlist-"
        assertThat(service.list("tlist_", null, 0).total()).isZero();
        assertThat(service.list("tlist%", 5, 0).items()).isEmpty();
    }

    @Test
    void pagesCutTheSameOrderAndKeepTheTotal() {
        TenantPage first = service.list("tlist", 2, 0);
        TenantPage second = service.list("tlist", 2, 2);
        TenantPage beyond = service.list("tlist", 2, 10);
        assertThat(first.items())
                .extracting(TenantResponse::id)
                .containsExactly(quiet.id(), utc.id());
        assertThat(second.items()).extracting(TenantResponse::id).containsExactly(almaty.id());
        assertThat(beyond.items()).isEmpty();
        assertThat(first.total()).isEqualTo(3);
        assertThat(second.total()).isEqualTo(3);
        assertThat(beyond.total()).isEqualTo(3);
    }

    @Test
    void leadsTodayCountFromMidnightInEachCompanysTimeZone() {
        TenantPage page = service.list("tlist", null, 0);
        assertThat(find(page, almaty).leadsToday()).isEqualTo(2L);
        assertThat(find(page, utc).leadsToday()).isEqualTo(1L);
        assertThat(find(page, quiet).leadsToday()).isZero();
        // one company read alone agrees with the page
        assertThat(service.get(almaty.id()).leadsToday()).isEqualTo(2L);
    }

    @Test
    void theChannelAndTheSchemaVersionComeWithEachCompany() {
        TenantPage page = service.list("tlist", null, 0);
        TenantResponse failing = find(page, utc);
        assertThat(failing.channel().provider()).isEqualTo("chatflow");
        assertThat(failing.channel().state()).isEqualTo("error");
        assertThat(failing.channel().lastError()).isEqualTo("token refused");
        assertThat(find(page, almaty).channel().state()).isEqualTo("none");
        assertThat(find(page, almaty).schemaVersion())
                .isNotBlank()
                .isEqualTo(find(page, quiet).schemaVersion());
    }

    @Test
    void aPageOutOfRangeIsRefusedNamingTheField() {
        assertThat(fieldOf(() -> service.list(null, 0, 0)).field()).isEqualTo("limit");
        assertThat(fieldOf(() -> service.list(null, TenantAdminService.MAX_PAGE + 1, 0)).field())
                .isEqualTo("limit");
        assertThat(fieldOf(() -> service.list(null, 10, -1)).field()).isEqualTo("offset");
        assertThat(service.list(null, TenantAdminService.MAX_PAGE, 0).items()).isNotEmpty();
    }

    private static TenantResponse find(TenantPage page, TenantRef tenant) {
        return page.items().stream().filter(t -> t.id() == tenant.id()).findFirst().orElseThrow();
    }

    private static FieldError fieldOf(ThrowingCallable call) {
        ApiProblem problem = catchThrowableOfType(call, ApiProblem.class);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).hasSize(1);
        return problem.errors().get(0);
    }
}
