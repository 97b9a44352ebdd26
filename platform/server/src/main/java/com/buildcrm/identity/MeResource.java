package com.buildcrm.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who am I: the business user (CRM) or the operator (admin). */
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** The business user with their company. */
    public record MeResponse(long id, String name, String email, String role, TenantInfo tenant) {}

    /** The company as the CRM shows it. */
    public record TenantInfo(String slug, String name, String timezone, String locale) {}

    /** The operator. */
    public record OperatorMeResponse(long id, String name, String email, String role) {}

    @Inject WhoAmIService whoAmI;
    @Inject JsonWebToken jwt;

    @GET
    @Path("crm/me")
    @RolesAllowed({"owner", "rop", "manager"})
    public MeResponse me() {
        return whoAmI.currentUser();
    }

    @GET
    @Path("admin/me")
    @RolesAllowed(AccessTokens.OPERATOR_GROUP)
    public OperatorMeResponse operatorMe() {
        return whoAmI.operator(Long.parseLong(jwt.getSubject().substring("operator:".length())));
    }
}
