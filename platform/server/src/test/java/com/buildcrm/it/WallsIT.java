package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The three walls, generated from the deployed OpenAPI document: an endpoint added later is covered
 * without anyone remembering to add it here.
 */
class WallsIT {

    private static final Set<String> PUBLIC_PREFIXES =
            Set.of(
                    "/api/admin/auth/",
                    "/api/crm/auth/",
                    "/media/",
                    "/api/auth/",
                    "/webhooks/",
                    "/health",
                    "/openapi");

    private static Api api;
    private static String operator;
    private static String ownerA;
    private static long idOnlyInB;
    private static List<Endpoint> endpoints;

    record Endpoint(String method, String path, boolean multipart) {
        String concrete(long id) {
            return path.replaceAll("\\{[^}]+}", Long.toString(id));
        }

        boolean isPublic() {
            return PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void setUp() {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        api.createTenant(operator, "wall-a", "ru", "owner@wall-a.kz", "owner-pass-1");
        api.createTenant(operator, "wall-b", "ru", "owner@wall-b.kz", "owner-pass-1");
        ownerA = api.userLogin("wall-a", "owner@wall-a.kz", "owner-pass-1");
        String ownerB = api.userLogin("wall-b", "owner@wall-b.kz", "owner-pass-1");
        long last = 0;
        // ids are per tenant schema: go past A's seven stages, so {id} names nothing of A's
        for (int i = 0; i < 9; i++) {
            last =
                    api.createUser(
                                    ownerB,
                                    "B user " + i,
                                    "b" + i + "@wall-b.kz",
                                    "manager",
                                    "manager-pass-1")
                            .getJsonNumber("id")
                            .longValue();
        }
        idOnlyInB = last;

        Reply doc =
                api.raw(
                        HttpRequest.newBuilder(api.uri("/openapi"))
                                .header("Accept", "application/json"));
        JsonObject paths = doc.json().getJsonObject("paths");
        endpoints = new ArrayList<>();
        paths.forEach(
                (path, item) ->
                        item.asJsonObject().keySet().stream()
                                .filter(
                                        m ->
                                                Set.of("get", "post", "put", "patch", "delete")
                                                        .contains(m))
                                .forEach(
                                        m ->
                                                endpoints.add(
                                                        new Endpoint(
                                                                m.toUpperCase(),
                                                                path,
                                                                item.asJsonObject()
                                                                        .getJsonObject(m)
                                                                        .toString()
                                                                        .contains(
                                                                                "multipart/form-data")))));
    }

    @Test
    void theDeployedSurfaceIsDiscovered() {
        assertThat(endpoints)
                .extracting(Endpoint::toString)
                .contains(
                        "GET /api/crm/me", "POST /api/admin/tenants", "PATCH /api/crm/users/{id}");
    }

    @TestFactory
    Stream<DynamicTest> withoutATokenEveryNonPublicRouteIs401() {
        return endpoints.stream()
                .filter(e -> !e.isPublic())
                .map(
                        e ->
                                DynamicTest.dynamicTest(
                                        e.toString(),
                                        () -> {
                                            Reply r = call(e, null, 1);
                                            assertThat(r.status()).as(e + " → " + r).isEqualTo(401);
                                        }));
    }

    @TestFactory
    Stream<DynamicTest> anOperatorTokenIsForbiddenOnEveryCrmRoute() {
        return endpoints.stream()
                .filter(e -> e.path().startsWith("/api/crm/") && !e.isPublic())
                .map(
                        e ->
                                DynamicTest.dynamicTest(
                                        e.toString(),
                                        () -> {
                                            Reply r = call(e, operator, 1);
                                            assertThat(r.status()).as(e + " → " + r).isEqualTo(403);
                                        }));
    }

    @TestFactory
    Stream<DynamicTest> aBusinessTokenIsForbiddenOnEveryAdminRoute() {
        return endpoints.stream()
                .filter(e -> e.path().startsWith("/api/admin/") && !e.isPublic())
                .map(
                        e ->
                                DynamicTest.dynamicTest(
                                        e.toString(),
                                        () -> {
                                            Reply r = call(e, ownerA, 1);
                                            assertThat(r.status()).as(e + " → " + r).isEqualTo(403);
                                        }));
    }

    @TestFactory
    Stream<DynamicTest> tenantATokenOnTenantBIdsGets404() {
        return endpoints.stream()
                .filter(
                        e ->
                                e.path().startsWith("/api/crm/")
                                        && e.path().contains("{")
                                        && !e.isPublic())
                .map(
                        e ->
                                DynamicTest.dynamicTest(
                                        e.toString(),
                                        () -> {
                                            Reply r = call(e, ownerA, idOnlyInB);
                                            if (e.method().equals("GET")) {
                                                assertThat(r.status())
                                                        .as(e + " → " + r)
                                                        .isEqualTo(404);
                                            } else {
                                                // a mutation may be refused for its (empty) body
                                                // before
                                                // the lookup; it never succeeds
                                                assertThat(r.status())
                                                        .as(e + " → " + r)
                                                        .isIn(400, 404);
                                            }
                                            assertThat(r.body()).doesNotContain("@wall-b.kz");
                                        }));
    }

    private static Reply call(Endpoint e, String token, long id) {
        if (e.multipart()) {
            var request =
                    java.net.http.HttpRequest.newBuilder(api.uri(e.concrete(id)))
                            .header("Content-Type", "multipart/form-data; boundary=wall")
                            .method(
                                    e.method(),
                                    java.net.http.HttpRequest.BodyPublishers.ofString(
                                            "--wall\r\nContent-Disposition: form-data; name=\"file\";"
                                                    + " filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\n"
                                                    + "x\r\n--wall--\r\n"));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return api.raw(request);
        }
        String body = Set.of("POST", "PUT", "PATCH").contains(e.method()) ? "{}" : null;
        Reply reply = api.method(e.method(), e.concrete(id), token, body);
        if (reply.status() == 415 && !e.multipart()) {
            // the endpoint takes a file: ask again the way a browser uploads one
            return call(new Endpoint(e.method(), e.path(), true), token, id);
        }
        return reply;
    }
}
