package com.buildcrm.audit;

import com.buildcrm.json.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.util.Map;

/**
 * Records operator and owner actions (who changed what, when) in {@code platform.audit_log}, in the
 * caller's transaction so the record and the change commit together.
 */
public final class AuditLog {

    /** Who acted. */
    public record Actor(String type, Long id, String email) {
        public static Actor operator(long id, String email) {
            return new Actor("OPERATOR", id, email);
        }

        public static Actor user(long id, String email) {
            return new Actor("USER", id, email);
        }
    }

    private AuditLog() {}

    public static void record(
            EntityManager em,
            Actor actor,
            Long tenantId,
            String action,
            String target,
            Map<String, ?> details) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        details.forEach(
                (k, v) -> {
                    if (v == null) {
                        json.addNull(k);
                    } else if (v instanceof Boolean b) {
                        json.add(k, b);
                    } else if (v instanceof Number n) {
                        json.add(k, n.longValue());
                    } else {
                        json.add(k, v.toString());
                    }
                });
        em.createNativeQuery(
                        "INSERT INTO platform.audit_log (actor_type, actor_id, actor_email, tenant_id, action, target, details)"
                                + " VALUES (?1, CAST(?2 AS bigint), ?3, CAST(?4 AS bigint), ?5, ?6, CAST(?7 AS jsonb))")
                .setParameter(1, actor.type())
                .setParameter(2, actor.id())
                .setParameter(3, actor.email())
                .setParameter(4, tenantId)
                .setParameter(5, action)
                .setParameter(6, target)
                .setParameter(7, json.build().toString())
                .executeUpdate();
    }
}
