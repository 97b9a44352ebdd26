package com.buildcrm.identity;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.identity.AuthRequests.OperatorLoginRequest;
import com.buildcrm.identity.AuthRequests.RefreshRequest;
import com.buildcrm.identity.AuthRequests.UserLoginRequest;
import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.ClientAddresses;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Login (operator and business user), refresh and logout. API clients carry the refresh token in
 * the JSON body; the web apps ask for the cookie mode with the {@value SessionCookie#HEADER}
 * header, and then the refresh token lives only in an HttpOnly cookie ({@link SessionCookie}).
 */
@Path("api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final String COOKIE_MODE =
            "With `X-BuildCRM-Session: crm|admin` (the web apps) the refresh token is set as an"
                    + " HttpOnly; Secure; SameSite=Strict cookie on /api/auth and left out of the"
                    + " body.";

    @Inject AuthService auth;
    @Inject ServerSettings settings;
    @Context HttpServletRequest http;
    @Inject ClientAddresses clientAddresses;
    @Context HttpServletResponse response;
    @Context HttpHeaders headers;

    @POST
    @Path("admin/auth/login")
    @PermitAll
    @Operation(summary = "Operator login", description = COOKIE_MODE)
    public TokenPair operatorLogin(
            @Valid @NotNull OperatorLoginRequest request,
            @HeaderParam(SessionCookie.HEADER) @Parameter(description = "crm or admin")
                    String session) {
        SessionCookie cookie = session == null ? null : loginMode(session, SessionCookie.ADMIN);
        TokenPair pair =
                auth.operatorLogin(request.email, request.password, clientAddresses.of(http));
        return cookie == null ? pair : toCookie(cookie, pair);
    }

    @POST
    @Path("crm/auth/login")
    @PermitAll
    @Operation(summary = "Business user login", description = COOKIE_MODE)
    public TokenPair userLogin(
            @Valid @NotNull UserLoginRequest request,
            @HeaderParam(SessionCookie.HEADER) @Parameter(description = "crm or admin")
                    String session) {
        SessionCookie cookie = session == null ? null : loginMode(session, SessionCookie.CRM);
        TokenPair pair =
                auth.userLogin(
                        request.tenant, request.email, request.password, clientAddresses.of(http));
        return cookie == null ? pair : toCookie(cookie, pair);
    }

    @POST
    @Path("auth/refresh")
    @PermitAll
    @Operation(
            summary = "A new token pair for a refresh token (the old one is then dead)",
            description =
                    "`{refreshToken}` in the body; or `{}` with `X-BuildCRM-Session: crm|admin`"
                            + " and that app's session cookie, which is then rotated (the new"
                            + " refresh token is not in the body).")
    public TokenPair refresh(
            @Valid RefreshRequest request,
            @HeaderParam(SessionCookie.HEADER) @Parameter(description = "crm or admin")
                    String session) {
        Optional<String> body = request == null ? Optional.empty() : request.token();
        if (body.isPresent()) {
            return auth.refresh(body.get());
        }
        SessionCookie cookie = cookieMode(session);
        String token =
                cookie.read(headers)
                        .orElseThrow(
                                () -> ApiProblem.unauthorized("There is no session to refresh"));
        TokenPair pair;
        try {
            pair = auth.refresh(token);
        } catch (ApiProblem refused) {
            if (refused.status() == 401) {
                response.addHeader("Set-Cookie", cookie.clear());
            }
            throw refused;
        }
        return toCookie(cookie, pair);
    }

    @POST
    @Path("auth/logout")
    @PermitAll
    @Operation(
            summary = "Revokes the refresh token's session",
            description =
                    "`{refreshToken}` in the body; or `{}` with `X-BuildCRM-Session: crm|admin`:"
                            + " the session cookie's token is revoked and the cookie deleted.")
    public Response logout(
            @Valid RefreshRequest request,
            @HeaderParam(SessionCookie.HEADER) @Parameter(description = "crm or admin")
                    String session) {
        Optional<String> body = request == null ? Optional.empty() : request.token();
        Response.ResponseBuilder done = Response.noContent();
        if (body.isPresent()) {
            auth.logout(body.get());
            SessionCookie.fromHeader(session).ifPresent(c -> done.header("Set-Cookie", c.clear()));
            return done.build();
        }
        SessionCookie cookie = cookieMode(session);
        cookie.read(headers).ifPresent(auth::logout);
        return done.header("Set-Cookie", cookie.clear()).build();
    }

    /** The cookie the header names; without it the body must carry the token, as it always did. */
    private static SessionCookie cookieMode(String session) {
        if (session == null) {
            throw ApiProblem.invalidField("refreshToken", "must not be blank");
        }
        return SessionCookie.fromHeader(session)
                .orElseThrow(
                        () ->
                                ApiProblem.invalidField(
                                        SessionCookie.HEADER, "must be crm or admin"));
    }

    /** A login's cookie is the app it belongs to: the console's for operators, the CRM's else. */
    private static SessionCookie loginMode(String session, SessionCookie expected) {
        if (SessionCookie.fromHeader(session).orElse(null) != expected) {
            throw ApiProblem.invalidField(
                    SessionCookie.HEADER, "must be " + expected.name().toLowerCase() + " here");
        }
        return expected;
    }

    private TokenPair toCookie(SessionCookie cookie, TokenPair pair) {
        response.addHeader(
                "Set-Cookie", cookie.set(pair.refreshToken(), settings.refreshTokenTtl()));
        response.setHeader("Cache-Control", "no-store");
        return new TokenPair(pair.accessToken(), null, pair.expiresIn(), pair.tokenType());
    }
}
