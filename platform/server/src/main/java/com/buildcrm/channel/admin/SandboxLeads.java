package com.buildcrm.channel.admin;

import com.buildcrm.lead.FieldSources;
import com.buildcrm.lead.Lead;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.lead.LeadViews.LastMessage;
import com.buildcrm.lead.LeadViews.LeadResponse;
import com.buildcrm.lead.LeadViews.PersonRef;
import com.buildcrm.lead.LeadViews.StageRef;
import com.buildcrm.phone.PhoneNumbers;
import com.buildcrm.pipeline.Stage;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenancy.TenantWork;
import com.buildcrm.user.User;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The lead behind a sandbox chat, for the operator's sandbox side panel (fields, stage, score as
 * the AI manager changes them). Same JSON shape as the CRM's lead.
 */
@ApplicationScoped
public class SandboxLeads {
    @Inject TenantTransactions tenants;

    public LeadResponse byPhone(long tenantId, String phone) {
        TenantRef ref =
                tenants.forJob(tenantId)
                        .orElseThrow(() -> ApiProblem.notFound("Tenant " + tenantId));
        String e164 =
                PhoneNumbers.recipient(phone)
                        .orElseThrow(
                                () -> ApiProblem.invalidField("phone", "not a valid phone number"));
        return tenants.in(
                ref,
                work -> {
                    EntityManager em = work.em();
                    List<Lead> leads =
                            em.createQuery(
                                            "SELECT l FROM Lead l WHERE l.phone = :p ORDER BY l.id",
                                            Lead.class)
                                    .setParameter("p", e164)
                                    .getResultList();
                    if (leads.isEmpty()) {
                        throw ApiProblem.notFound("No lead with the phone " + e164);
                    }
                    return toResponse(work, leads.get(0));
                });
    }

    private static LeadResponse toResponse(TenantWork work, Lead l) {
        EntityManager em = work.em();
        Stage stage = l.stageId() == null ? null : em.find(Stage.class, l.stageId());
        return new LeadResponse(
                l.id(),
                l.name(),
                l.phone(),
                l.city(),
                stage == null ? null : new StageRef(stage.id(), stage.name(), stage.role()),
                l.temperature(),
                l.score(),
                l.handledBy(),
                person(em, l.handlerId()),
                person(em, l.assigneeId()),
                l.lastMessageAt() == null
                        ? null
                        : new LastMessage(
                                l.lastMessageText(), l.lastMessageDirection(), l.lastMessageAt()),
                l.waitingForReplySince(),
                l.noReply(),
                LeadJson.fields(work, l.id()),
                l.sourceChannel(),
                l.createdAt(),
                l.updatedAt(),
                l.aiEnabled(),
                l.needsHuman(),
                l.stageLocked(),
                null,
                FieldSources.of(work, l.id()));
    }

    private static PersonRef person(EntityManager em, Long id) {
        if (id == null) {
            return null;
        }
        User u = em.find(User.class, id);
        return u == null ? null : new PersonRef(u.id(), u.name());
    }
}
