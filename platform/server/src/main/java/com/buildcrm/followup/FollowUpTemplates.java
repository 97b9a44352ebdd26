package com.buildcrm.followup;

import com.buildcrm.lead.ActorKind;
import com.buildcrm.lead.Lead;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.outbox.OutgoingMessage;
import com.buildcrm.template.TemplateRules;
import com.buildcrm.template.TemplateRules.Filled;
import com.buildcrm.template.TemplateRules.Filling;
import com.buildcrm.template.TemplateRules.Unfillable;
import com.buildcrm.template.Templates;
import com.buildcrm.template.WhatsAppTemplate;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A follow-up past WhatsApp's customer-service window (ADR 035): within the window (or on a channel
 * without one) it is the step's text; past it, the step's registered template filled in; with no
 * usable template the step is skipped with its reason in the lead's history. The caller reads the
 * company and the lead's last inbound message once for a whole batch ({@link FollowUps}).
 */
@ApplicationScoped
public class FollowUpTemplates {

    /** Why a step was skipped: past the window, no template registered for it. */
    static final String NO_TEMPLATE = "outside-window-no-template";

    /** Why a step was skipped: past the window, its template could not be filled in. */
    static final String UNFILLABLE = "outside-window-template-unfillable";

    @Inject Templates templates;

    /**
     * What to send for step {@code step} (0-based) with the step's {@code text}, or null when
     * nothing can be sent: then the follow-up row is marked SKIPPED and the lead's history says why
     * (in the caller's transaction).
     */
    OutgoingMessage compose(
            TenantWork work,
            Templates.Company company,
            Instant lastInbound,
            Lead lead,
            long followupId,
            int step,
            String text,
            Instant now) {
        if (!TemplateRules.window(templates.windowLength(company.provider()), lastInbound, now)
                .closed()) {
            return OutgoingMessage.text(text);
        }
        Optional<WhatsAppTemplate> template = TemplateRules.forFollowUp(templates.load(work), step);
        Filling filling =
                template.map(
                                t ->
                                        TemplateRules.fill(
                                                t,
                                                TemplateRules.values(
                                                        lead.name(),
                                                        company.name(),
                                                        templates.userName(work, lead.handlerId()),
                                                        text)))
                        .orElse(null);
        if (filling instanceof Filled filled) {
            return OutgoingMessage.template(filled.shown(), filled.call());
        }
        String reason = filling == null ? NO_TEMPLATE : UNFILLABLE;
        String why =
                filling == null
                        ? "no WhatsApp template is registered for follow-up step " + (step + 1)
                        : ((Unfillable) filling).reason();
        skip(work, lead.id(), followupId, step, reason, why, now);
        return null;
    }

    private static void skip(
            TenantWork work,
            long leadId,
            long followupId,
            int step,
            String reason,
            String why,
            Instant now) {
        work.sql(
                        "UPDATE followups SET status = 'SKIPPED', reason = ?2, updated_at = now()"
                                + " WHERE id = ?1 AND status = 'PENDING'")
                .setParameter(1, followupId)
                .setParameter(2, reason + ": " + why)
                .executeUpdate();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", step + 1);
        details.put("reason", reason);
        details.put("detail", why);
        LeadJson.event(
                work,
                leadId,
                "followup.skipped",
                ActorKind.SYSTEM,
                null,
                NO_TEMPLATE.equals(reason)
                        ? "Напоминание "
                                + (step + 1)
                                + " не отправлено: прошло больше 24 часов с последнего сообщения"
                                + " клиента, а WhatsApp разрешает писать только утверждённым"
                                + " шаблоном, и шаблон для напоминаний не задан"
                        : "Напоминание "
                                + (step + 1)
                                + " не отправлено: шаблон WhatsApp нельзя заполнить ("
                                + why
                                + ")",
                details,
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    }
}
