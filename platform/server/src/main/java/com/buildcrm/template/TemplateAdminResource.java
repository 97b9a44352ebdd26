package com.buildcrm.template;

import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.template.TemplateApi.TemplatesRequest;
import com.buildcrm.template.TemplateApi.TemplatesView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Global Admin: a tenant's approved WhatsApp message templates (Meta Cloud API, ADR 035) — {@code
 * {templates: [{purpose, name, language, body, parameters: [{source, fallback}]}]}}. Outside
 * WhatsApp's 24-hour window follow-ups go out as the template of their step and managers can send
 * the {@code reopen} one. Operators only.
 */
@Path("api/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateAdminResource {

    @Inject TemplateAdminService service;
    @Inject JsonWebToken jwt;

    /** The registration, whether the tenant's channel uses templates, and the choices. */
    @GET
    @Path("{id}/templates")
    @RolesAllowed("operator")
    public TemplatesView get(@PathParam("id") long id) {
        return service.get(id);
    }

    /**
     * Replaces the registration. Each body's placeholders must be {@code {{1}}…{{n}}} with exactly
     * n parameters: otherwise a 400 problem naming the field, and nothing changes.
     */
    @PUT
    @Path("{id}/templates")
    @RolesAllowed("operator")
    public TemplatesView put(@PathParam("id") long id, @Valid @NotNull TemplatesRequest request) {
        return service.put(id, request, actor());
    }

    private Actor actor() {
        return Actor.operator(
                Long.parseLong(jwt.getSubject().substring("operator:".length())), jwt.getName());
    }
}
