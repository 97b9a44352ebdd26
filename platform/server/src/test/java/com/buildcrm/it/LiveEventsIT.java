package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.SseClient.Event;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Live updates over Server-Sent Events, fed through PostgreSQL LISTEN/NOTIFY. */
class LiveEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ServerProcess server;
    private static Api api;
    private static String operator;
    private static CrmFixture a;
    private static CrmFixture b;

    @BeforeAll
    static void setUp() {
        server = SharedServer.get();
        api = server.api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        a = new CrmFixture(api, operator, "live-a");
        b = new CrmFixture(api, operator, "live-b");
    }

    @Test
    void aSubscriberReceivesANewLeadAndItsMessageAndNothingOfAnotherCompany() {
        try (SseClient ownerA = SseClient.withHeader(server.baseUrl(), a.owner, null);
                SseClient ownerB = SseClient.withTicket(server.baseUrl(), b.owner)) {
            a.clientWrites("+7 705 000 33 01", "Дана", "Здравствуйте");
            Event created = ownerA.await(e -> e.name().equals("lead.created"), WAIT);
            long lead = created.leadId();
            Event message =
                    ownerA.await(
                            e -> e.name().equals("message.created") && e.leadId() == lead, WAIT);
            assertThat(message.json().getString("type")).isEqualTo("message.created");
            assertThat(message.json().getJsonNumber("messageId")).isNotNull();
            assertThat(message.json().getString("at")).isNotBlank();
            assertThat(created.id()).isNotBlank().isNotEqualTo(message.id());

            java.util.List<String> seenByA = ownerA.events().stream().map(Event::id).toList();
            b.clientWrites("+7 705 000 33 02", "Ерлан", "Добрый день");
            Event inB = ownerB.await(e -> e.name().equals("lead.created"), WAIT);
            ownerB.await(e -> e.name().equals("message.created"), WAIT);
            assertThat(ownerB.events()).extracting(Event::id).doesNotContainAnyElementsOf(seenByA);
            assertThat(ownerA.events()).extracting(Event::id).doesNotContain(inB.id());
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsTheMissedEvents() {
        Event first;
        Event second;
        try (SseClient stream = SseClient.withHeader(server.baseUrl(), a.owner, null)) {
            a.clientWrites("+7 705 000 33 11", "Жанна", "Привет");
            first = stream.await(e -> e.name().equals("lead.created"), WAIT);
            long lead = first.leadId();
            second =
                    stream.await(
                            e -> e.name().equals("message.created") && e.leadId() == lead, WAIT);
        }
        try (SseClient again = SseClient.withHeader(server.baseUrl(), a.owner, first.id())) {
            Event replayed = again.await(e -> second.id().equals(e.id()), WAIT);
            assertThat(replayed.data()).isEqualTo(second.data());
            assertThat(again.events()).noneMatch(e -> first.id().equals(e.id()));
        }
        try (SseClient lost = SseClient.withHeader(server.baseUrl(), a.owner, "0-gone-1")) {
            lost.await(e -> e.name().equals("resync"), WAIT);
        }
    }

    @Test
    void aManagerWhoSeesOnlyAssignedLeadsGetsOnlyTheirEvents() throws Exception {
        long managerId = a.createManager("Зарина", "zarina@live-a.kz");
        String manager = a.login("zarina@live-a.kz");
        a.clientWrites("+7 705 000 33 21", "Игорь", "Мой лид");
        a.clientWrites("+7 705 000 33 22", "Камила", "Не мой лид");
        var leads = a.awaitLeadsAtLeast("Игорь", "Камила");
        long mine = CrmFixture.id(leads.get("Игорь"));
        long notMine = CrmFixture.id(leads.get("Камила"));
        a.managersSeeAll(false);
        try (SseClient stream = SseClient.withTicket(server.baseUrl(), manager);
                SseClient owner = SseClient.withHeader(server.baseUrl(), a.owner, null)) {
            a.patchLead(notMine, "{\"city\":\"Шымкент\"}");
            a.patchLead(mine, "{\"assigneeId\":" + managerId + "}");
            stream.await(e -> e.name().equals("lead.updated") && e.leadId() == mine, WAIT);
            owner.await(e -> e.name().equals("lead.updated") && e.leadId() == notMine, WAIT);
            owner.await(e -> e.name().equals("lead.updated") && e.leadId() == mine, WAIT);
            assertThat(stream.events()).noneMatch(e -> e.leadId() == notMine);
        } finally {
            a.managersSeeAll(true);
        }
    }

    @Test
    void onlyACompanysUsersMayOpenTheStream() {
        assertThat(api.get("/api/crm/events", null).status()).isEqualTo(401);
        assertThat(api.get("/api/crm/events?ticket=not-a-ticket", null).status()).isEqualTo(401);
        Api.Reply asOperator = api.post("/api/crm/events/ticket", operator, "");
        assertThat(asOperator.status()).isEqualTo(403);
        assertThat(asOperator.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/crm/events", operator).status()).isEqualTo(403);
        String tampered = a.owner.substring(0, a.owner.length() - 4) + "AAAA";
        assertThat(api.post("/api/crm/events/ticket", tampered, "").status()).isEqualTo(401);
    }
}
