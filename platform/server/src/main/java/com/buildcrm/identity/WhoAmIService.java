package com.buildcrm.identity;

import com.buildcrm.identity.MeResource.MeResponse;
import com.buildcrm.identity.MeResource.OperatorMeResponse;
import com.buildcrm.identity.MeResource.TenantInfo;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenant.Tenant;
import com.buildcrm.user.User;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Who is calling: the business user with their company, or the operator. */
@ApplicationScoped
public class WhoAmIService {

    @Inject TenantData data;
    @Inject Storage storage;

    public MeResponse currentUser() {
        long tenantId = data.tenant().id();
        long userId = data.currentUserId();
        User user = data.tx(em -> em.find(User.class, userId));
        Tenant tenant = storage.transactions().inPlatform(em -> em.find(Tenant.class, tenantId));
        return new MeResponse(
                user.id(),
                user.name(),
                user.email(),
                user.role().key(),
                new TenantInfo(tenant.slug(), tenant.name(), tenant.timezone(), tenant.locale()));
    }

    public OperatorMeResponse operator(long id) {
        Operator operator = storage.transactions().inPlatform(em -> em.find(Operator.class, id));
        if (operator == null) {
            throw ApiProblem.unauthorized("The operator no longer exists");
        }
        return new OperatorMeResponse(
                operator.id(), operator.name(), operator.email(), AccessTokens.OPERATOR_GROUP);
    }
}
