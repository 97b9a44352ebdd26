package com.buildcrm.lead;

import com.buildcrm.lead.LeadViews.LastMessage;
import com.buildcrm.lead.LeadViews.LeadPage;
import com.buildcrm.lead.LeadViews.LeadResponse;
import com.buildcrm.lead.LeadViews.PersonRef;
import com.buildcrm.lead.LeadViews.StageRef;
import com.buildcrm.pipeline.Stage;
import com.buildcrm.settings.CrmSettings;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.user.User;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads leads of the caller's company. A manager sees only the leads assigned to them when the
 * company says so; for such a manager any other lead does not exist (404).
 */
@ApplicationScoped
public class LeadService {

    @Inject TenantData data;

    public LeadPage list(Long stageId, String q, Long afterId, int limit) {
        int size = Math.max(1, Math.min(limit, 200));
        return data.tx(
                em -> {
                    StringBuilder jpql = new StringBuilder("SELECT l FROM Lead l WHERE 1 = 1");
                    Map<String, Object> params = new HashMap<>();
                    restrictToVisible(em, jpql, params);
                    if (stageId != null) {
                        jpql.append(" AND l.stageId = :stage");
                        params.put("stage", stageId);
                    }
                    if (q != null && !q.isBlank()) {
                        jpql.append(
                                " AND (LOWER(l.name) LIKE :q OR l.phone LIKE :q OR LOWER(l.lastMessageText) LIKE :q)");
                        params.put("q", "%" + q.strip().toLowerCase() + "%");
                    }
                    if (afterId != null) {
                        jpql.append(" AND l.id < :after");
                        params.put("after", afterId);
                    }
                    jpql.append(" ORDER BY l.id DESC");
                    TypedQuery<Lead> query =
                            em.createQuery(jpql.toString(), Lead.class).setMaxResults(size + 1);
                    params.forEach(query::setParameter);
                    List<Lead> leads = query.getResultList();
                    boolean more = leads.size() > size;
                    List<Lead> page = more ? leads.subList(0, size) : leads;
                    Lookup lookup = new Lookup(em, data.tenant()).prefetch(page);
                    return new LeadPage(
                            page.stream().map(lookup::toResponse).toList(),
                            more ? Long.toString(page.get(page.size() - 1).id()) : null);
                });
    }

    public LeadResponse get(long id) {
        return data.tx(em -> toResponse(em, findVisible(em, id)));
    }

    /** The API view of a lead, inside the caller's transaction. */
    public LeadResponse toResponse(EntityManager em, Lead lead) {
        return new Lookup(em, data.tenant()).toResponse(lead);
    }

    /**
     * The lead if the caller may see it, else 404 (never another tenant's or an unassigned one).
     */
    public Lead findVisible(EntityManager em, long id) {
        Lead lead = em.find(Lead.class, id);
        if (lead == null || !visible(em, lead)) {
            throw ApiProblem.notFound("Lead " + id);
        }
        return lead;
    }

    private boolean visible(EntityManager em, Lead lead) {
        if (!onlyAssigned(em)) {
            return true;
        }
        return lead.assigneeId() != null && lead.assigneeId() == data.currentUserId();
    }

    private void restrictToVisible(
            EntityManager em, StringBuilder jpql, Map<String, Object> params) {
        if (onlyAssigned(em)) {
            jpql.append(" AND l.assigneeId = :me");
            params.put("me", data.currentUserId());
        }
    }

    private boolean onlyAssigned(EntityManager em) {
        if (!"manager".equals(data.currentRole())) {
            return false;
        }
        CrmSettings settings = em.find(CrmSettings.class, CrmSettings.SINGLETON);
        return settings != null && !settings.managersSeeAll();
    }

    /** Resolves stage and people names for responses, once per request. */
    private static final class Lookup {
        private final EntityManager em;
        private final com.buildcrm.tenancy.TenantRef tenant;
        private final Map<Long, Stage> stages = new HashMap<>();
        private final Map<Long, User> users = new HashMap<>();
        private final Map<Long, Map<String, Object>> fields = new HashMap<>();

        Lookup(EntityManager em, com.buildcrm.tenancy.TenantRef tenant) {
            this.em = em;
            this.tenant = tenant;
        }

        Lookup prefetch(List<Lead> leads) {
            fields.putAll(LeadJson.fields(em, tenant, leads.stream().map(Lead::id).toList()));
            return this;
        }

        LeadResponse toResponse(Lead l) {
            Stage stage = stages.computeIfAbsent(l.stageId(), id -> em.find(Stage.class, id));
            return new LeadResponse(
                    l.id(),
                    l.name(),
                    l.phone(),
                    l.city(),
                    stage == null ? null : new StageRef(stage.id(), stage.name(), stage.role()),
                    l.temperature(),
                    l.score(),
                    l.handledBy(),
                    person(l.handlerId()),
                    person(l.assigneeId()),
                    l.lastMessageAt() == null
                            ? null
                            : new LastMessage(
                                    l.lastMessageText(),
                                    l.lastMessageDirection(),
                                    l.lastMessageAt()),
                    l.waitingForReplySince(),
                    l.noReply(),
                    fields.computeIfAbsent(l.id(), id -> LeadJson.fields(em, tenant, id)),
                    l.sourceChannel(),
                    l.createdAt(),
                    l.updatedAt(),
                    l.aiEnabled(),
                    l.needsHuman(),
                    l.stageLocked());
        }

        private PersonRef person(Long id) {
            if (id == null) {
                return null;
            }
            User u = users.computeIfAbsent(id, key -> em.find(User.class, key));
            return u == null ? null : new PersonRef(u.id(), u.name());
        }
    }
}
