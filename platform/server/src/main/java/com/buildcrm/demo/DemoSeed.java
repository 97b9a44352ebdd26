package com.buildcrm.demo;

import com.buildcrm.ai.AiAdminService;
import com.buildcrm.ai.AiRequests.AiRequest;
import com.buildcrm.audit.AuditLog;
import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.channel.admin.ChannelAdminService;
import com.buildcrm.config.ServerSettings;
import com.buildcrm.provisioner.PasswordHasher;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenant.TenantAdminService;
import com.buildcrm.tenant.TenantRequests.CreateTenantRequest;
import com.buildcrm.tenant.TenantRequests.NewOwnerRequest;
import com.buildcrm.user.Role;
import com.buildcrm.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A newcomer's first minute: on the embedded default only, and only once per data directory, a demo
 * tenant (panel-houses pack, sandbox channel, rule brain, the pack's default greeting chain and
 * follow-ups) with an owner and a manager. "Once" is recorded as a {@code demo.seed} row in the
 * audit log, so deleting or renaming the tenant does not bring it back on the next start. The
 * passwords are fixed and documented: this is a local playground, never a production setup (an
 * external database never gets the demo).
 */
@ApplicationScoped
public class DemoSeed {

    private static final Logger LOG = Logger.getLogger(DemoSeed.class.getName());

    public static final String SLUG = "demo";
    public static final String NAME = "Демо: Панельные дома";
    public static final String PACK = "panel-houses";
    public static final String OWNER_EMAIL = "owner@demo.kz";
    public static final String OWNER_PASSWORD = "demo-owner-1";
    public static final String MANAGER_EMAIL = "manager@demo.kz";
    public static final String MANAGER_PASSWORD = "demo-manager-1";

    static final String MARKER_ACTION = "demo.seed";

    private static final Actor SYSTEM = new Actor("SYSTEM", null, "demo-seed");

    /** What the start-up banner prints. */
    public record DemoLogins(
            String tenantSlug,
            String ownerEmail,
            String ownerPassword,
            String managerEmail,
            String managerPassword) {}

    @Inject ServerSettings settings;
    @Inject Storage storage;
    @Inject TenantTransactions tenantTx;
    @Inject TenantDirectory directory;
    @Inject TenantAdminService tenants;
    @Inject ChannelAdminService channels;
    @Inject AiAdminService ai;
    @Inject Clock clock;

    /**
     * Seeds the demo tenant if this is the embedded default and it was never seeded; returns the
     * demo logins while the demo tenant exists (embedded default only).
     */
    public Optional<DemoLogins> ensureSeeded() {
        if (!settings.embeddedDatabase()) {
            return Optional.empty();
        }
        try {
            if (!alreadySeeded()) {
                seed();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not seed the demo tenant; the server runs without it", e);
            return Optional.empty();
        }
        return directory.bySlug(SLUG).isPresent()
                ? Optional.of(
                        new DemoLogins(
                                SLUG, OWNER_EMAIL, OWNER_PASSWORD, MANAGER_EMAIL, MANAGER_PASSWORD))
                : Optional.empty();
    }

    private boolean alreadySeeded() {
        return storage.transactions()
                .inPlatform(
                        em ->
                                !em.createNativeQuery(
                                                "SELECT id FROM platform.audit_log WHERE action = ?1")
                                        .setParameter(1, MARKER_ACTION)
                                        .getResultList()
                                        .isEmpty());
    }

    private void seed() {
        if (directory.bySlug(SLUG).isPresent()) {
            // an operator made a tenant called "demo" before the seed ever ran: leave it alone
            mark(null, "slug taken");
            return;
        }
        CreateTenantRequest request = new CreateTenantRequest();
        request.slug = SLUG;
        request.name = NAME;
        request.timezone = "Asia/Almaty";
        request.locale = "ru";
        request.pack = PACK;
        request.owner = new NewOwnerRequest();
        request.owner.name = "Айгерим (владелец)";
        request.owner.email = OWNER_EMAIL;
        request.owner.password = OWNER_PASSWORD;
        long id = tenants.create(request, SYSTEM).id();

        channels.configure(id, "sandbox", Map.of(), SYSTEM);

        AiRequest brain = new AiRequest();
        brain.enabled = true;
        brain.brain = "rules";
        ai.saveAi(id, brain, SYSTEM);

        TenantRef ref = tenantTx.forJob(id).orElseThrow();
        String hash = PasswordHasher.hash(MANAGER_PASSWORD);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        tenantTx.in(
                ref,
                work -> {
                    EntityManager em = work.em();
                    em.persist(
                            new User(MANAGER_EMAIL, "Данияр (менеджер)", Role.MANAGER, hash, now));
                    return null;
                });
        mark(id, "seeded");
        LOG.info(() -> "Seeded the demo tenant '" + SLUG + "' (id " + id + ")");
    }

    private void mark(Long tenantId, String outcome) {
        storage.transactions()
                .inPlatformDo(
                        em ->
                                AuditLog.record(
                                        em,
                                        SYSTEM,
                                        tenantId,
                                        MARKER_ACTION,
                                        SLUG,
                                        Map.of("outcome", outcome)));
    }
}
