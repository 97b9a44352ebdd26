package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The foundation's flow over real HTTP against the running uber jar on the embedded default. */
class PlatformFlowIT {

    private static Api api;
    private static String operator;

    @BeforeAll
    static void server() {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
    }

    @Test
    void operatorCreatesTenantOwnerCreatesManagerManagerCannotCreateUsersOperatorIsWalledOff() {
        JsonObject tenant =
                api.createTenant(operator, "acme", "ru", "owner@acme.kz", "owner-pass-1");
        assertThat(tenant.getString("status")).isEqualTo("ACTIVE");
        assertThat(tenant.getString("pack")).isEqualTo("panel-houses");

        String owner = api.userLogin("acme", "owner@acme.kz", "owner-pass-1");
        JsonObject me = api.get("/api/crm/me", owner).json();
        assertThat(me.getString("role")).isEqualTo("owner");
        assertThat(me.getJsonObject("tenant").getString("slug")).isEqualTo("acme");
        assertThat(me.getJsonObject("tenant").getString("timezone")).isEqualTo("Asia/Almaty");

        JsonObject manager =
                api.createUser(owner, "Айгерим", "aigerim@acme.kz", "manager", "manager-pass-1");
        assertThat(manager.getString("role")).isEqualTo("manager");

        String managerToken = api.userLogin("acme", "aigerim@acme.kz", "manager-pass-1");
        Reply forbidden =
                api.post(
                        "/api/crm/users",
                        managerToken,
                        Json.createObjectBuilder()
                                .add("name", "X")
                                .add("email", "x@acme.kz")
                                .add("role", "manager")
                                .add("password", "whatever-1")
                                .build());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");

        assertThat(api.get("/api/crm/me", operator).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/tenants", owner).status()).isEqualTo(403);

        // the owner's user list holds exactly the owner and the manager
        assertThat(api.get("/api/crm/users", owner).array()).hasSize(2);
    }

    @Test
    void stagesAreSeededInTheTenantsLanguage() {
        api.createTenant(operator, "stages-en", "en", "owner@stages.test", "owner-pass-1");
        String owner = api.userLogin("stages-en", "owner@stages.test", "owner-pass-1");
        var stages = api.get("/api/crm/stages", owner).array();
        assertThat(stages).hasSize(7);
        assertThat(stages.getJsonObject(0).getString("role")).isEqualTo("NEW");
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenRevokesTheFamily() {
        api.createTenant(operator, "rotate", "ru", "owner@rotate.kz", "owner-pass-1");
        JsonObject first = api.userTokens("rotate", "owner@rotate.kz", "owner-pass-1");
        assertThat(first.getInt("expiresIn")).isLessThanOrEqualTo(900);

        Reply second = refresh(first.getString("refreshToken"));
        assertThat(second.status()).isEqualTo(200);
        String secondRefresh = second.json().getString("refreshToken");
        assertThat(api.get("/api/crm/me", second.json().getString("accessToken")).status())
                .isEqualTo(200);

        // the old one is dead, and presenting it again kills the newer one too
        assertThat(refresh(first.getString("refreshToken")).status()).isEqualTo(401);
        assertThat(refresh(secondRefresh).status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSession() {
        api.createTenant(operator, "logout", "ru", "owner@logout.kz", "owner-pass-1");
        JsonObject tokens = api.userTokens("logout", "owner@logout.kz", "owner-pass-1");
        Reply out =
                api.post(
                        "/api/auth/logout",
                        null,
                        Json.createObjectBuilder()
                                .add("refreshToken", tokens.getString("refreshToken"))
                                .build());
        assertThat(out.status()).isEqualTo(204);
        assertThat(refresh(tokens.getString("refreshToken")).status()).isEqualTo(401);
    }

    @Test
    void suspendedTenantCannotLogInRefreshOrUseItsTokensAndResumeRestoresIt() {
        JsonObject tenant =
                api.createTenant(operator, "sleepy", "ru", "owner@sleepy.kz", "owner-pass-1");
        JsonObject tokens = api.userTokens("sleepy", "owner@sleepy.kz", "owner-pass-1");
        long id = tenant.getJsonNumber("id").longValue();

        Reply suspended = api.post("/api/admin/tenants/" + id + "/suspend", operator, "");
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.json().getString("status")).isEqualTo("SUSPENDED");

        Reply login =
                api.post(
                        "/api/crm/auth/login",
                        null,
                        Json.createObjectBuilder()
                                .add("tenant", "sleepy")
                                .add("email", "owner@sleepy.kz")
                                .add("password", "owner-pass-1")
                                .build());
        assertThat(login.status()).isEqualTo(403);
        assertThat(refresh(tokens.getString("refreshToken")).status()).isEqualTo(401);
        assertThat(api.get("/api/crm/me", tokens.getString("accessToken")).status()).isEqualTo(403);

        assertThat(
                        api.post("/api/admin/tenants/" + id + "/resume", operator, "")
                                .json()
                                .getString("status"))
                .isEqualTo("ACTIVE");
        assertThat(api.userLogin("sleepy", "owner@sleepy.kz", "owner-pass-1")).isNotBlank();
    }

    @Test
    void disabledUserIsLockedOutAtOnce() {
        api.createTenant(operator, "disable", "ru", "owner@disable.kz", "owner-pass-1");
        String owner = api.userLogin("disable", "owner@disable.kz", "owner-pass-1");
        long managerId =
                api.createUser(owner, "Ерлан", "erlan@disable.kz", "manager", "manager-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        JsonObject tokens = api.userTokens("disable", "erlan@disable.kz", "manager-pass-1");

        Reply disabled =
                api.patch(
                        "/api/crm/users/" + managerId,
                        owner,
                        Json.createObjectBuilder().add("status", "DISABLED").build());
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().getString("status")).isEqualTo("DISABLED");

        assertThat(api.get("/api/crm/me", tokens.getString("accessToken")).status()).isEqualTo(401);
        assertThat(refresh(tokens.getString("refreshToken")).status()).isEqualTo(401);
        Reply login =
                api.post(
                        "/api/crm/auth/login",
                        null,
                        Json.createObjectBuilder()
                                .add("tenant", "disable")
                                .add("email", "erlan@disable.kz")
                                .add("password", "manager-pass-1")
                                .build());
        assertThat(login.status()).isEqualTo(403);
    }

    @Test
    void ropManagesManagersButNotOtherRops() {
        api.createTenant(operator, "rops", "ru", "owner@rops.kz", "owner-pass-1");
        String owner = api.userLogin("rops", "owner@rops.kz", "owner-pass-1");
        api.createUser(owner, "Head", "head@rops.kz", "rop", "rop-pass-1");
        String rop = api.userLogin("rops", "head@rops.kz", "rop-pass-1");
        assertThat(
                        api.createUser(rop, "Mgr", "mgr@rops.kz", "manager", "mgr-pass-1")
                                .getString("role"))
                .isEqualTo("manager");
        Reply anotherRop =
                api.post(
                        "/api/crm/users",
                        rop,
                        Json.createObjectBuilder()
                                .add("name", "Rop2")
                                .add("email", "rop2@rops.kz")
                                .add("role", "rop")
                                .add("password", "rop-pass-2")
                                .build());
        assertThat(anotherRop.status()).isEqualTo(403);
    }

    @Test
    void managersSeeAllIsATenantSettingOnlyOwnerAndRopChange() {
        api.createTenant(operator, "seeall", "ru", "owner@seeall.kz", "owner-pass-1");
        String owner = api.userLogin("seeall", "owner@seeall.kz", "owner-pass-1");
        api.createUser(owner, "Mgr", "mgr@seeall.kz", "manager", "mgr-pass-1");
        String manager = api.userLogin("seeall", "mgr@seeall.kz", "mgr-pass-1");

        assertThat(api.get("/api/crm/settings", manager).json().getBoolean("managersSeeAll"))
                .isTrue();
        JsonObject off = Json.createObjectBuilder().add("managersSeeAll", false).build();
        assertThat(api.patch("/api/crm/settings", manager, off).status()).isEqualTo(403);
        assertThat(api.patch("/api/crm/settings", owner, off).json().getBoolean("managersSeeAll"))
                .isFalse();
        assertThat(api.get("/api/crm/settings", manager).json().getBoolean("managersSeeAll"))
                .isFalse();
    }

    @Test
    void repeatedWrongPasswordsAreThrottledWith429AndRetryAfter() {
        api.createTenant(operator, "throttle", "ru", "owner@throttle.kz", "owner-pass-1");
        JsonObject wrong =
                Json.createObjectBuilder()
                        .add("tenant", "throttle")
                        .add("email", "owner@throttle.kz")
                        .add("password", "wrong-password")
                        .build();
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/crm/auth/login", null, wrong).status()).isEqualTo(401);
        }
        Reply locked =
                api.post(
                        "/api/crm/auth/login",
                        null,
                        Json.createObjectBuilder()
                                .add("tenant", "throttle")
                                .add("email", "owner@throttle.kz")
                                .add("password", "owner-pass-1")
                                .build());
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After").orElseThrow())).isPositive();
    }

    @Test
    void duplicateSlugIsAConflict() {
        api.createTenant(operator, "twice", "ru", "owner@twice.kz", "owner-pass-1");
        Reply again =
                api.post(
                        "/api/admin/tenants",
                        operator,
                        Json.createObjectBuilder()
                                .add("slug", "twice")
                                .add("name", "Again")
                                .add(
                                        "owner",
                                        Json.createObjectBuilder()
                                                .add("name", "O")
                                                .add("email", "o@twice.kz")
                                                .add("password", "owner-pass-2"))
                                .build());
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void healthAndOpenApiAreServed() {
        assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
        assertThat(api.get("/health/live", null).status()).isEqualTo(200);
        Reply openapi =
                api.raw(
                        HttpRequest.newBuilder(api.uri("/openapi"))
                                .header("Accept", "application/json"));
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.json().getJsonObject("paths").keySet())
                .contains("/api/admin/tenants", "/api/crm/users");
    }

    private static Reply refresh(String refreshToken) {
        return api.post(
                "/api/auth/refresh",
                null,
                Json.createObjectBuilder().add("refreshToken", refreshToken).build());
    }
}
