package com.buildcrm.identity;

import com.buildcrm.identity.AuthRequests.OperatorLoginRequest;
import com.buildcrm.identity.AuthRequests.RefreshRequest;
import com.buildcrm.identity.AuthRequests.UserLoginRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Login (operator and business user), refresh and logout. */
@Path("api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject AuthService auth;
    @Context HttpServletRequest http;

    @POST
    @Path("admin/auth/login")
    @PermitAll
    public TokenPair operatorLogin(@Valid @NotNull OperatorLoginRequest request) {
        return auth.operatorLogin(request.email, request.password, http.getRemoteAddr());
    }

    @POST
    @Path("crm/auth/login")
    @PermitAll
    public TokenPair userLogin(@Valid @NotNull UserLoginRequest request) {
        return auth.userLogin(
                request.tenant, request.email, request.password, http.getRemoteAddr());
    }

    @POST
    @Path("auth/refresh")
    @PermitAll
    public TokenPair refresh(@Valid @NotNull RefreshRequest request) {
        return auth.refresh(request.refreshToken);
    }

    @POST
    @Path("auth/logout")
    @PermitAll
    public Response logout(@Valid @NotNull RefreshRequest request) {
        auth.logout(request.refreshToken);
        return Response.noContent().build();
    }
}
