package com.buildcrm.followup;

import com.buildcrm.json.Jsonp;
import com.buildcrm.pack.PackHost;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.time.ZoneId;

/** A tenant's follow-up policy (its own, or its pack's default texts) and its time zone. */
@ApplicationScoped
public class FollowUpStore {

    @Inject PackHost packs;

    /** The policy in force, where it comes from, and the tenant's zone. */
    public record Setup(FollowUpPolicy policy, String source, ZoneId zone, boolean aiEnabled) {}

    /** What a setup read returns of the tenant: a typed projection of {@link #SETUP}'s columns. */
    private record TenantRow(
            String packId, String timezone, String locale, String policyJson, boolean aiEnabled) {

        static TenantRow of(Object[] r) {
            return new TenantRow(
                    (String) r[0], (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4]);
        }
    }

    private static final String SETUP =
            "SELECT t.plugin_id, t.timezone, t.locale, f.policy::text,"
                    + " COALESCE(a.enabled, true) FROM platform.tenants t"
                    + " LEFT JOIN platform.tenant_followups f ON f.tenant_id = t.id"
                    + " LEFT JOIN platform.tenant_ai a ON a.tenant_id = t.id WHERE t.id = ?1";

    /**
     * Reads everything a follow-up decision needs about the given tenant (the operator's console,
     * in a platform transaction).
     */
    public Setup load(EntityManager em, long tenantId) {
        return setup(
                TenantRow.of(
                        (Object[])
                                em.createNativeQuery(SETUP)
                                        .setParameter(1, tenantId)
                                        .getSingleResult()));
    }

    /** Reads everything a follow-up decision needs about the unit of work's tenant. */
    public Setup load(TenantWork work) {
        return setup(TenantRow.of((Object[]) work.platform().query(SETUP).getSingleResult()));
    }

    private Setup setup(TenantRow t) {
        FollowUpPolicy fallback =
                FollowUpPolicy.defaults(packs.packFor(t.packId()).defaultFollowUps(t.locale()));
        // the one reading of a stored zone (UTC when unreadable), as every other reader
        ZoneId zone = TenantDirectory.zoneOf(t.timezone());
        if (t.policyJson() == null) {
            return new Setup(fallback, "pack", zone, t.aiEnabled());
        }
        FollowUpPolicyJson.Parsed parsed =
                FollowUpPolicyJson.fromJson(parse(t.policyJson()), fallback);
        return new Setup(
                parsed.isValid() ? parsed.policy() : fallback, "tenant", zone, t.aiEnabled());
    }

    public void save(EntityManager em, long tenantId, FollowUpPolicy policy) {
        em.createNativeQuery(
                        "INSERT INTO platform.tenant_followups (tenant_id, policy, updated_at) VALUES (?1, CAST(?2 AS jsonb), now())"
                                + " ON CONFLICT (tenant_id) DO UPDATE SET policy = EXCLUDED.policy, updated_at = now()")
                .setParameter(1, tenantId)
                .setParameter(2, FollowUpPolicyJson.toJson(policy).toString())
                .executeUpdate();
    }

    public void reset(EntityManager em, long tenantId) {
        em.createNativeQuery("DELETE FROM platform.tenant_followups WHERE tenant_id = ?1")
                .setParameter(1, tenantId)
                .executeUpdate();
    }

    /**
     * The API shape: the stored JSON plus {@code quietHours: {from, to}} (both spellings are
     * accepted on input).
     */
    public static JsonObject toApi(Setup s) {
        JsonObject p = FollowUpPolicyJson.toJson(s.policy());
        JsonObjectBuilder b = Jsonp.createObjectBuilder(p);
        b.add(
                "quietHours",
                Jsonp.createObjectBuilder()
                        .add("from", s.policy().quietFromText())
                        .add("to", s.policy().quietToText()));
        b.add("source", s.source());
        b.add("timezone", s.zone().getId());
        return b.build();
    }

    /** Accepts {@code quietHours: {from, to}} as well as the flat {@code quietFrom/quietTo}. */
    public static JsonObject fromApi(JsonObject body) {
        if (!body.containsKey("quietHours") || !(body.get("quietHours") instanceof JsonObject q)) {
            return body;
        }
        JsonObjectBuilder b = Jsonp.createObjectBuilder(body);
        b.remove("quietHours");
        if (q.containsKey("from")) {
            b.add("quietFrom", q.get("from"));
        }
        if (q.containsKey("to")) {
            b.add("quietTo", q.get("to"));
        }
        return b.build();
    }

    static JsonArray parseArray(String json) {
        try (var reader = Jsonp.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    static JsonObject parse(String json) {
        try (var reader = Jsonp.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
