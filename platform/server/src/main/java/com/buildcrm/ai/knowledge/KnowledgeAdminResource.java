package com.buildcrm.ai.knowledge;

import com.buildcrm.audit.AuditLog.Actor;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Global Admin: a tenant's knowledge base (ADR 032) — the frequent questions and short documents
 * the AI manager answers clients from. Operators only; the business CRM never sees AI settings.
 */
@Path("api/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeAdminResource {

    @Inject KnowledgeAdminService service;
    @Inject JsonWebToken jwt;

    @GET
    @Path("{id}/knowledge")
    @RolesAllowed("operator")
    @Operation(
            summary = "The tenant's knowledge base",
            description =
                    "`source` PACK (the pack's default entries, in force until the first save) or"
                            + " TENANT; `entries` in order, each `{id, kind: QA|DOCUMENT, title,"
                            + " questions, answer}`; `limits` are the sizes a save must respect."
                            + " Unknown tenant: 404.")
    public KnowledgeViews.KnowledgeView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}/knowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(
            summary = "Replace the tenant's knowledge base",
            description =
                    "Body `{entries: [{title, questions?, answer}]}`: with questions an entry is a"
                            + " question and its answer (at most 2,000 characters); without, a document"
                            + " (at most 20,000 characters, paragraphs separated by an empty line, each at"
                            + " most 1,500). At most 200 entries, titles 120 characters, 20 questions of"
                            + " 300 characters each. An empty list is allowed (every question is then"
                            + " left for the specialist). Invalid input: 400 naming each field; a body"
                            + " over the API limit (1 MB by default): 413; nothing is saved either way."
                            + " Audited as `knowledge.configure`.")
    public KnowledgeViews.KnowledgeView put(
            @PathParam("id") long id, @Valid @NotNull KnowledgeRequests.KnowledgeBody body) {
        return service.put(id, body, actor());
    }

    private Actor actor() {
        return Actor.operator(
                Long.parseLong(jwt.getSubject().substring("operator:".length())), jwt.getName());
    }
}
