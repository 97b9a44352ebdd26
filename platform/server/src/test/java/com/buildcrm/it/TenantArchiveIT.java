package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The operator moves a company through the API (ADR 029): export gives one zip with its data and
 * media; importing it under another code gives a company whose owner signs in with the same
 * password and finds the same leads and chat; a damaged archive is a 400 and changes nothing; two
 * imports under one code at once make one company and one 409; an impossible id is a problem.
 */
class TenantArchiveIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void anExportedCompanyImportedUnderAnotherCodeWorksTheSame() throws Exception {
        long started = System.nanoTime();
        ServerProcess server = SharedServer.get();
        Api api = server.api();
        String operator =
                api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        CrmFixture company = new CrmFixture(api, operator, "moving-co");
        company.clientWrites("+77015550101", "Данияр", "Здравствуйте, нужен дом");
        long leadId = company.awaitLeads(1).get("Данияр").getJsonNumber("id").longValue();
        Reply uploaded =
                api.upload("/api/crm/media", company.owner, "house.png", "image/png", png());
        assertThat(uploaded.status()).as(uploaded.toString()).isIn(200, 201);
        String mediaId = uploaded.json().getString("id");

        HttpResponse<byte[]> export =
                send(
                        api,
                        "/api/admin/tenants/" + company.tenantId + "/export",
                        operator,
                        HttpRequest.BodyPublishers.noBody(),
                        "application/json");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
                .contains("buildcrm-moving-co.zip");
        byte[] archive = export.body();
        assertThat(entries(archive))
                .contains("manifest.properties", "schema/leads.copy", "platform/tenants.jsonl")
                .anyMatch(e -> e.startsWith("media/") && e.endsWith("/" + mediaId));

        // the code is taken; a damaged archive is refused with nothing created
        int tenantsBefore = api.get("/api/admin/tenants", operator).array().size();
        HttpResponse<byte[]> taken = importArchive(api, operator, archive, null);
        assertThat(taken.statusCode()).isEqualTo(409);
        for (byte[] bad :
                List.of(
                        Arrays.copyOf(archive, archive.length - 200),
                        "PK not really".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            HttpResponse<byte[]> refused = importArchive(api, operator, bad, "moved-broken");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("archive");
        }
        assertThat(api.get("/api/admin/tenants", operator).array()).hasSize(tenantsBefore);

        HttpResponse<byte[]> imported = importArchive(api, operator, archive, "moved-co");
        assertThat(imported.statusCode())
                .as(new String(imported.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(201);
        JsonObject tenant =
                jakarta.json.Json.createReader(new ByteArrayInputStream(imported.body()))
                        .readObject();
        assertThat(tenant.getString("slug")).isEqualTo("moved-co");
        assertThat(tenant.getString("status")).isEqualTo("ACTIVE");
        long newId = tenant.getJsonNumber("id").longValue();

        String owner = api.userLogin("moved-co", "owner@moving-co.kz", "owner-pass-1");
        JsonObject lead = api.get("/api/crm/leads/" + leadId, owner).json();
        assertThat(lead.getString("name")).isEqualTo("Данияр");
        assertThat(api.messages(owner, leadId).toString()).contains("Здравствуйте, нужен дом");
        // the operator action is audited on the new company
        assertThat(api.get("/api/admin/tenants/" + newId + "/audit", operator).body())
                .contains("tenant.import");
        assertThat(api.get("/api/admin/tenants/" + company.tenantId + "/audit", operator).body())
                .contains("tenant.export");
        // the original company is untouched
        assertThat(api.get("/api/crm/leads/" + leadId, company.owner).status()).isEqualTo(200);

        // two imports of one archive under one new code at once: one company, the other a 409
        // (the code is being imported, or taken), and nothing half-written beside it
        int tenantsBeforeTwins = api.get("/api/admin/tenants", operator).array().size();
        List<CompletableFuture<HttpResponse<byte[]>>> twins = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            twins.add(
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return importArchive(api, operator, archive, "moved-twin");
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            }));
        }
        List<Integer> statuses = twins.stream().map(f -> f.join().statusCode()).sorted().toList();
        assertThat(statuses).containsExactly(201, 409);
        HttpResponse<byte[]> loser =
                twins.stream()
                        .map(CompletableFuture::join)
                        .filter(r -> r.statusCode() == 409)
                        .findFirst()
                        .orElseThrow();
        assertThat(loser.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        var afterTwins = api.get("/api/admin/tenants", operator).array();
        assertThat(afterTwins).hasSize(tenantsBeforeTwins + 1);
        assertThat(
                        afterTwins.stream()
                                .map(t -> t.asJsonObject().getString("slug"))
                                .filter("moved-twin"::equals))
                .hasSize(1);
        String twinOwner = api.userLogin("moved-twin", "owner@moving-co.kz", "owner-pass-1");
        assertThat(api.get("/api/crm/leads/" + leadId, twinOwner).json().getString("name"))
                .isEqualTo("Данияр");

        // an id no company has, or no number can hold: a problem, never a server error
        for (String id : List.of(Long.toString(Long.MAX_VALUE), "99999999999999999999999")) {
            HttpResponse<byte[]> missing =
                    send(
                            api,
                            "/api/admin/tenants/" + id + "/export",
                            operator,
                            HttpRequest.BodyPublishers.noBody(),
                            "application/json");
            assertThat(missing.statusCode()).as(id).isIn(400, 404);
            assertThat(missing.headers().firstValue("Content-Type").orElse(""))
                    .as(id)
                    .startsWith("application/problem+json");
        }
        System.out.printf(
                "TenantArchiveIT took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    private static HttpResponse<byte[]> importArchive(
            Api api, String operator, byte[] archive, String slug) throws Exception {
        return send(
                api,
                "/api/admin/tenants/import" + (slug == null ? "" : "?slug=" + slug),
                operator,
                HttpRequest.BodyPublishers.ofByteArray(archive),
                "application/zip");
    }

    private static HttpResponse<byte[]> send(
            Api api, String path, String token, HttpRequest.BodyPublisher body, String contentType)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(api.uri(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(2, 2, 10, 6);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
