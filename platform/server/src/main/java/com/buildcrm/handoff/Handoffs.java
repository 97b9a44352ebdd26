package com.buildcrm.handoff;

import com.buildcrm.followup.Decision;
import com.buildcrm.followup.FollowUps;
import com.buildcrm.lead.ActorKind;
import com.buildcrm.lead.Lead;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.lead.LeadService;
import com.buildcrm.lead.LeadViews.LeadResponse;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.notify.LeadMilestone;
import com.buildcrm.notify.Milestone;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantWork;
import com.buildcrm.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Handoff between the AI and people (brief §9, DESIGN §6): a person takes the conversation (the AI
 * and its follow-ups stop at once) or gives it back (the AI answers the next client message and
 * sends nothing by itself on return). The bot and a person never talk over each other.
 */
@ApplicationScoped
public class Handoffs {

    @Inject TenantData data;
    @Inject LeadService leads;
    @Inject FollowUps followUps;
    @Inject Clock clock;
    @Inject Event<LiveEvent> live;
    @Inject Event<LeadMilestone> milestones;

    public LeadResponse takeOver(long leadId) {
        long me = data.currentUserId();
        TenantRef tenant = data.tenant();
        LeadResponse r =
                data.work(
                        work -> {
                            EntityManager em = work.em();
                            Lead lead = leads.findVisible(em, leadId);
                            takeOver(work, lead, me, "Менеджер взял диалог на себя", now());
                            return leads.toResponse(em, lead);
                        });
        live.fire(new LiveEvent(tenant.id(), "lead.handoff", leadId, null));
        return r;
    }

    /**
     * Makes {@code userId} the lead's handler in the caller's transaction (also used when a person
     * writes to an AI-led lead from the CRM). A lead already led by this user is left as it is.
     */
    public void takeOver(
            TenantWork work, Lead lead, long userId, String reason, OffsetDateTime at) {
        EntityManager em = work.em();
        if (lead.ledByHuman() && lead.handlerId() != null && lead.handlerId() == userId) {
            return;
        }
        String previous = lead.handledBy();
        lead.takeOver(userId, at);
        followUps.cancelPending(
                work, lead.id(), Decision.Reason.TAKEN_OVER, ActorKind.HUMAN, userId, at);
        User user = em.find(User.class, userId);
        LeadJson.event(
                work,
                lead.id(),
                "handoff.takeover",
                ActorKind.HUMAN,
                userId,
                reason,
                Map.of("from", previous, "handler", user == null ? "" : user.name()),
                at);
        em.flush();
        milestones.fire(new LeadMilestone(work, lead.id(), Milestone.TAKEN_OVER, userId, at));
    }

    public LeadResponse returnToAi(long leadId) {
        long me = data.currentUserId();
        TenantRef tenant = data.tenant();
        LeadResponse r =
                data.work(
                        work -> {
                            EntityManager em = work.em();
                            Lead lead = leads.findVisible(em, leadId);
                            if (!lead.ledByAi() || lead.needsHuman()) {
                                List<Long> lastIn =
                                        em.createQuery(
                                                        "SELECT MAX(m.id) FROM Message m WHERE m.leadId = :l AND m.direction = 'IN'",
                                                        Long.class)
                                                .setParameter("l", leadId)
                                                .getResultList();
                                long upTo =
                                        lastIn.isEmpty() || lastIn.get(0) == null
                                                ? 0
                                                : lastIn.get(0);
                                OffsetDateTime at = now();
                                lead.returnToAi(upTo, at);
                                LeadJson.event(
                                        work,
                                        leadId,
                                        "handoff.returned",
                                        ActorKind.HUMAN,
                                        me,
                                        "Диалог возвращён ИИ",
                                        Map.of(),
                                        at);
                            }
                            return leads.toResponse(em, lead);
                        });
        live.fire(new LiveEvent(tenant.id(), "lead.handoff", leadId, null));
        return r;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
