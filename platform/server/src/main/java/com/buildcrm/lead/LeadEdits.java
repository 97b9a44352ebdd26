package com.buildcrm.lead;

import com.buildcrm.brain.Action;
import com.buildcrm.brain.ActionValidator;
import com.buildcrm.brain.InvalidActionException;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.notify.AlertKind;
import com.buildcrm.notify.LeadAlert;
import com.buildcrm.pack.PackHost;
import com.buildcrm.pipeline.Stage;
import com.buildcrm.plugin.api.QualificationField;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantWork;
import com.buildcrm.user.User;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person edits a lead: core data, qualification fields (validated against the tenant's pack), the
 * stage (a move by hand: the AI will not move the lead again until it is returned to the AI), the
 * assignee and the lead's AI switch. Every change is a lead event with who and when.
 */
@ApplicationScoped
public class LeadEdits {

    /** PATCH /api/crm/leads/{id}: absent fields stay as they are. */
    public static final class LeadPatch {
        @Size(max = 200)
        public String name;

        @Size(max = 100)
        public String city;

        /** Qualification values by key; a null value removes the field. */
        public Map<String, Object> fields;

        public Long stageId;

        /** The manager the lead is assigned to; 0 removes the assignee. */
        public Long assigneeId;

        /** Switches the AI manager off (or on again) for this lead only. */
        public Boolean aiEnabled;
    }

    @Inject TenantData data;
    @Inject LeadService leads;
    @Inject PackHost packs;
    @Inject Clock clock;
    @Inject PendingFollowUps followUps;
    @Inject Event<LiveEvent> live;
    @Inject Event<LeadAlert> alerts;

    public LeadViews.LeadResponse patch(long leadId, LeadPatch p) {
        TenantRef tenant = data.tenant();
        long me = data.currentUserId();
        String role = data.currentRole();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean[] assigned = {false};
        LeadViews.LeadResponse result =
                data.work(
                        work -> {
                            EntityManager em = work.em();
                            Lead lead = leads.findVisible(em, leadId);
                            if (p.fields != null || p.name != null || p.city != null) {
                                editData(work, lead, p, me, now);
                            }
                            if (p.stageId != null && !p.stageId.equals(lead.stageId())) {
                                Stage to = em.find(Stage.class, p.stageId);
                                if (to == null) {
                                    throw ApiProblem.invalidField("stageId", "no such stage");
                                }
                                Stage from = em.find(Stage.class, lead.stageId());
                                lead.movedByHand(to.id(), now);
                                if ("WON".equals(to.role()) || "LOST".equals(to.role())) {
                                    followUps.cancel(
                                            work, leadId, PendingFollowUps.Why.CLOSED, me, now);
                                }
                                LeadJson.event(
                                        work,
                                        leadId,
                                        "stage.changed",
                                        ActorKind.HUMAN,
                                        me,
                                        "Перемещён вручную",
                                        stageDetails(from, to),
                                        now);
                            }
                            if (p.assigneeId != null) {
                                assigned[0] = assign(work, lead, p.assigneeId, role, me, now);
                            }
                            if (p.aiEnabled != null && p.aiEnabled != lead.aiEnabled()) {
                                lead.aiSwitched(p.aiEnabled, now);
                                if (!p.aiEnabled) {
                                    followUps.cancel(
                                            work, leadId, PendingFollowUps.Why.AI_OFF, me, now);
                                }
                                LeadJson.event(
                                        work,
                                        leadId,
                                        p.aiEnabled ? "ai.enabled" : "ai.disabled",
                                        ActorKind.HUMAN,
                                        me,
                                        p.aiEnabled
                                                ? "ИИ снова ведёт этого клиента"
                                                : "ИИ отключён для этого клиента",
                                        Map.of(),
                                        now);
                            }
                            em.flush();
                            return leads.toResponse(em, lead);
                        });
        live.fire(new LiveEvent(tenant.id(), "lead.updated", leadId, null));
        if (assigned[0]) {
            live.fire(new LiveEvent(tenant.id(), "lead.assigned", leadId, null));
        }
        return result;
    }

    public List<LeadJson.EventView> events(long leadId, Long beforeId, int limit) {
        TenantRef tenant = data.tenant();
        return data.work(
                work -> {
                    EntityManager em = work.em();
                    leads.findVisible(em, leadId);
                    return LeadJson.events(
                            work, leadId, beforeId, Math.max(1, Math.min(limit, 200)));
                });
    }

    private void editData(TenantWork work, Lead lead, LeadPatch p, long me, OffsetDateTime now) {
        EntityManager em = work.em();
        Map<String, Object> fields = new LinkedHashMap<>(LeadJson.fields(work, lead.id()));
        Map<String, Object> before = new LinkedHashMap<>(fields);
        if (p.fields != null) {
            Map<String, Object> set = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : p.fields.entrySet()) {
                if (e.getValue() == null) {
                    fields.remove(e.getKey());
                } else {
                    set.put(e.getKey(), e.getValue());
                }
            }
            if (!set.isEmpty()) {
                List<QualificationField> schema = packs.packFor(packOf(work)).qualificationSchema();
                try {
                    for (Action a :
                            ActionValidator.validate(
                                    List.of(new Action.SaveFields(set)), schema, 0)) {
                        if (a instanceof Action.SaveFields s) {
                            fields.putAll(s.values());
                        }
                    }
                } catch (InvalidActionException e) {
                    throw ApiProblem.invalidField("fields", e.getMessage());
                }
            }
        }
        String name = p.name != null ? blankToNull(p.name) : lead.name();
        String city = p.city != null ? blankToNull(p.city) : lead.city();
        if (p.name != null) {
            putOrRemove(fields, "name", name);
        }
        if (p.city != null) {
            putOrRemove(fields, "city", city);
        }
        if (p.fields != null) {
            if (fields.get("name") != null && p.name == null) {
                name = String.valueOf(fields.get("name"));
            }
            if (fields.get("city") != null && p.city == null) {
                city = String.valueOf(fields.get("city"));
            }
        }
        lead.edited(name, city, now);
        if (!before.equals(fields)) {
            LeadJson.writeFields(work, lead.id(), fields);
        }
        List<String> changed =
                fields.keySet().stream()
                        .filter(k -> !Objects.equals(before.get(k), fields.get(k)))
                        .toList();
        List<String> removed =
                before.keySet().stream().filter(k -> !fields.containsKey(k)).toList();
        em.flush(); // the sources are written with SQL next to the entity's columns
        // a person's edit always wins over what the AI extracts later; a removed value is open
        // again
        FieldSources.set(work, lead.id(), changed, FieldSources.Source.PERSON);
        FieldSources.clear(work, lead.id(), removed);
        LeadJson.event(
                work,
                lead.id(),
                "fields.updated",
                ActorKind.HUMAN,
                me,
                "Данные клиента изменены",
                Map.of("keys", changed, "removed", removed),
                now);
    }

    /** Returns whether the assignee changed. */
    private boolean assign(
            TenantWork work, Lead lead, long assigneeId, String role, long me, OffsetDateTime now) {
        EntityManager em = work.em();
        if ("manager".equals(role)) {
            throw ApiProblem.forbidden(
                    "assign-forbidden", "Only the owner or a head of sales assigns leads");
        }
        Long target = assigneeId == 0 ? null : assigneeId;
        String name = null;
        if (target != null) {
            User u = em.find(User.class, target);
            if (u == null || !u.active()) {
                throw ApiProblem.invalidField("assigneeId", "no such active user");
            }
            name = u.name();
        }
        if (Objects.equals(target, lead.assigneeId())) {
            return false;
        }
        lead.assign(target, now);
        em.flush();
        // by hand: the idle re-assignment never undoes it (see ADR 019)
        work.sql(
                        "UPDATE leads SET assigned_at = CAST(?1 AS timestamptz), assigned_by_rule = false"
                                + " WHERE id = ?2")
                .setParameter(1, target == null ? null : now)
                .setParameter(2, lead.id())
                .executeUpdate();
        if (target != null) {
            work.sql(
                            "UPDATE lead_tasks SET assignee_id = ?1, updated_at = ?2"
                                    + " WHERE lead_id = ?3 AND done_at IS NULL AND assignee_id IS NULL")
                    .setParameter(1, target)
                    .setParameter(2, now)
                    .setParameter(3, lead.id())
                    .executeUpdate();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("assigneeId", target);
        details.put("assignee", name);
        LeadJson.event(
                work,
                lead.id(),
                "lead.assigned",
                ActorKind.HUMAN,
                me,
                target == null ? "Ответственный снят" : "Назначен ответственный: " + name,
                details,
                now);
        if (target != null && target != me) {
            alerts.fire(new LeadAlert(work, lead.id(), AlertKind.ASSIGNED, target));
        }
        return true;
    }

    private static Map<String, Object> stageDetails(Stage from, Stage to) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("fromId", from == null ? null : from.id());
        d.put("from", from == null ? null : from.name());
        d.put("fromRole", from == null ? null : from.role());
        d.put("toId", to.id());
        d.put("to", to.name());
        d.put("toRole", to.role());
        return d;
    }

    static String packOf(TenantWork work) {
        EntityManager em = work.em();
        TenantRef tenant = work.tenant();
        return (String)
                em.createNativeQuery("SELECT plugin_id FROM platform.tenants WHERE id = ?1")
                        .setParameter(1, tenant.id())
                        .getSingleResult();
    }

    private static void putOrRemove(Map<String, Object> map, String key, String value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
