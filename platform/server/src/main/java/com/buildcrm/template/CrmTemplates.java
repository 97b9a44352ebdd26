package com.buildcrm.template;

import com.buildcrm.lead.Lead;
import com.buildcrm.outbox.OutgoingMessage;
import com.buildcrm.template.TemplateApi.ReopenView;
import com.buildcrm.template.TemplateApi.WindowView;
import com.buildcrm.template.TemplateRules.Filled;
import com.buildcrm.template.TemplateRules.Filling;
import com.buildcrm.template.TemplateRules.Unfillable;
import com.buildcrm.template.TemplateRules.Window;
import com.buildcrm.tenancy.TenantWork;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The CRM's side of WhatsApp's customer-service window (ADR 035): what the composer may send to a
 * lead now, the refusal of a free text past the window, and the {@code reopen} template.
 */
@ApplicationScoped
public class CrmTemplates {

    @Inject Templates templates;

    /** Where the lead stands, and the template the manager can send instead of a free text. */
    public WindowView view(TenantWork work, Lead lead, long userId, Instant now) {
        Templates.Company company = templates.company(work);
        Window window = templates.window(work, company.provider(), lead.id(), now);
        ReopenView reopen = null;
        if (window.state() != TemplateRules.WindowState.NONE) {
            Optional<WhatsAppTemplate> t = TemplateRules.forReopen(templates.load(work));
            if (t.isPresent()) {
                Filling f = fill(work, t.get(), lead, company, userId);
                reopen =
                        f instanceof Filled filled
                                ? new ReopenView(
                                        t.get().name(), t.get().language(), filled.shown(), null)
                                : new ReopenView(
                                        t.get().name(),
                                        t.get().language(),
                                        null,
                                        ((Unfillable) f).reason());
            }
        }
        return new WindowView(
                window.state().name(),
                window.closesAt() == null
                        ? null
                        : OffsetDateTime.ofInstant(window.closesAt(), ZoneOffset.UTC),
                !window.closed(),
                reopen);
    }

    /**
     * Refuses a free message past the window with a 409 that says why and what to do, before
     * anything is stored: Meta would refuse it (error 131047) and the client would never get it.
     */
    public void requireFreeText(TenantWork work, Lead lead, Instant now) {
        Templates.Company company = templates.company(work);
        if (templates.window(work, company.provider(), lead.id(), now).closed()) {
            throw ApiProblem.conflict(
                    "outside-window",
                    "More than 24 hours have passed since the client last wrote: WhatsApp allows only"
                            + " an approved template until the client answers. Send the template"
                            + " (POST /api/crm/leads/"
                            + lead.id()
                            + "/whatsapp-window/template) or call the client.");
        }
    }

    /** The {@code reopen} template filled in for this lead, or a 409 saying why not. */
    public OutgoingMessage reopen(TenantWork work, Lead lead, long userId) {
        Templates.Company company = templates.company(work);
        WhatsAppTemplate t =
                TemplateRules.forReopen(templates.load(work))
                        .filter(x -> templates.windowLength(company.provider()).isPresent())
                        .orElseThrow(
                                () ->
                                        ApiProblem.conflict(
                                                "no-template",
                                                "No WhatsApp template is registered for re-opening"
                                                        + " the conversation on this channel; the"
                                                        + " operator registers one in the console"));
        Filling f = fill(work, t, lead, company, userId);
        if (f instanceof Unfillable u) {
            throw ApiProblem.conflict(
                    "template-unfillable", "The template cannot be filled in: " + u.reason());
        }
        Filled filled = (Filled) f;
        return OutgoingMessage.template(filled.shown(), filled.call());
    }

    private Filling fill(
            TenantWork work,
            WhatsAppTemplate t,
            Lead lead,
            Templates.Company company,
            long userId) {
        return TemplateRules.fill(
                t,
                TemplateRules.values(
                        lead.name(), company.name(), templates.userName(work, userId), null));
    }
}
