package com.buildcrm.identity;

import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenant.Tenant;
import com.buildcrm.user.User;
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

    @Inject TenantData data;
    @Inject Storage storage;
    @Inject JsonWebToken jwt;

    @GET
    @Path("crm/me")
    @RolesAllowed({"owner", "rop", "manager"})
    public MeResponse me() {
        long tenantId = data.tenant().id();
        User user = data.tx(em -> em.find(User.class, data.currentUserId()));
        Tenant tenant = storage.transactions().inPlatform(em -> em.find(Tenant.class, tenantId));
        return new MeResponse(
                user.id(),
                user.name(),
                user.email(),
                user.role().key(),
                new TenantInfo(tenant.slug(), tenant.name(), tenant.timezone(), tenant.locale()));
    }

    @GET
    @Path("admin/me")
    @RolesAllowed(AccessTokens.OPERATOR_GROUP)
    public OperatorMeResponse operatorMe() {
        long id = Long.parseLong(jwt.getSubject().substring("operator:".length()));
        Operator operator = storage.transactions().inPlatform(em -> em.find(Operator.class, id));
        if (operator == null) {
            throw com.buildcrm.web.ApiProblem.unauthorized("The operator no longer exists");
        }
        return new OperatorMeResponse(
                operator.id(), operator.name(), operator.email(), AccessTokens.OPERATOR_GROUP);
    }
}
