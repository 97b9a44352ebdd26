package com.buildcrm.template;

import com.buildcrm.audit.AuditLog;
import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.template.TemplateApi.ParameterEntry;
import com.buildcrm.template.TemplateApi.ParameterView;
import com.buildcrm.template.TemplateApi.TemplateEntry;
import com.buildcrm.template.TemplateApi.TemplateView;
import com.buildcrm.template.TemplateApi.TemplatesView;
import com.buildcrm.template.WhatsAppTemplate.Parameter;
import com.buildcrm.template.WhatsAppTemplate.Source;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenancy.TenantWork;
import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The operator's side of WhatsApp templates: the registration per tenant (ADR 035). */
@ApplicationScoped
public class TemplateAdminService {

    static final List<String> PURPOSES =
            List.of(
                    "followup",
                    "followup-1",
                    "followup-2",
                    "followup-3",
                    "followup-4",
                    "followup-5",
                    "followup-6",
                    "followup-7",
                    "followup-8",
                    "followup-9",
                    "reopen");

    @Inject TenantTransactions tenants;
    @Inject Templates templates;

    public TemplatesView get(long tenantId) {
        return tenants.in(tenant(tenantId), this::view);
    }

    /**
     * Replaces the registration; a registration that Meta would refuse (a placeholder without its
     * parameter, a bad name or language) is a 400 naming the field, and nothing changes.
     */
    public TemplatesView put(long tenantId, TemplateApi.TemplatesRequest request, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        List<WhatsAppTemplate> parsed = new ArrayList<>();
        for (int i = 0; i < request.templates.size(); i++) {
            TemplateEntry e = request.templates.get(i);
            if (e == null) {
                errors.add(new FieldError("templates[" + i + "]", "a template object"));
                continue;
            }
            List<Parameter> parameters = new ArrayList<>();
            List<ParameterEntry> given = e.parameters == null ? List.of() : e.parameters;
            for (int p = 0; p < given.size(); p++) {
                ParameterEntry pe = given.get(p);
                Source source = pe == null ? null : Source.ofApi(pe.source);
                if (source == null) {
                    errors.add(
                            new FieldError(
                                    "templates[" + i + "].parameters[" + p + "].source",
                                    "one of "
                                            + String.join(
                                                    ", ",
                                                    Arrays.stream(Source.values())
                                                            .map(Source::api)
                                                            .toList())));
                    continue;
                }
                parameters.add(new Parameter(source, blankToNull(pe.fallback)));
            }
            parsed.add(
                    new WhatsAppTemplate(
                            e.purpose == null ? "" : e.purpose.strip(),
                            e.name == null ? null : e.name.strip(),
                            e.language == null ? null : e.language.strip(),
                            e.body == null ? null : e.body.strip(),
                            parameters));
        }
        if (errors.isEmpty()) {
            errors.addAll(TemplateRules.check(parsed));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("The WhatsApp templates are not valid", errors);
        }
        return tenants.in(
                tenant(tenantId),
                work -> {
                    templates.save(work, parsed);
                    AuditLog.record(
                            work.em(),
                            actor,
                            tenantId,
                            "templates.configure",
                            "whatsapp-templates",
                            Map.of(
                                    "purposes",
                                    String.join(
                                            ",",
                                            parsed.stream()
                                                    .map(WhatsAppTemplate::purpose)
                                                    .toList())));
                    return view(work);
                });
    }

    private TemplatesView view(TenantWork work) {
        Templates.Company company = templates.company(work);
        return new TemplatesView(
                company.provider(),
                templates.windowLength(company.provider()).isPresent(),
                templates.load(work).stream()
                        .map(
                                t ->
                                        new TemplateView(
                                                t.purpose(),
                                                t.name(),
                                                t.language(),
                                                t.body(),
                                                t.parameters().stream()
                                                        .map(
                                                                p ->
                                                                        new ParameterView(
                                                                                p.source().api(),
                                                                                p.fallback()))
                                                        .toList()))
                        .toList(),
                PURPOSES,
                IntStream.range(0, Source.values().length)
                        .mapToObj(i -> Source.values()[i].api())
                        .toList());
    }

    private TenantRef tenant(long tenantId) {
        return tenants.forJob(tenantId)
                .orElseThrow(() -> ApiProblem.notFound("Tenant " + tenantId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
