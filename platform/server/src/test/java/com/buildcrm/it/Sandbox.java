package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * One tenant's sandbox channel and CRM leads, as the black-box ITs drive them: a client writes
 * through the operator's sandbox endpoint, the test waits for the bot's outbound messages and reads
 * the lead the owner sees in the CRM.
 *
 * <p>Immutable; {@link #clientName} and {@link #timeouts} return a changed copy.
 */
public final class Sandbox {

    private final Api api;
    private final String operator;
    private final long tenantId;
    private final String owner;
    private final String clientName;
    private final Duration outboundTimeout;
    private final Duration leadTimeout;

    /**
     * A sandbox whose client writes without a name, and which waits up to 60 s for outbound
     * messages and 30 s for a lead.
     *
     * @param operator the operator's access token (sandbox endpoints)
     * @param owner a CRM user's access token in the tenant (lead endpoints)
     */
    public Sandbox(Api api, String operator, long tenantId, String owner) {
        this(api, operator, tenantId, owner, null, Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    private Sandbox(
            Api api,
            String operator,
            long tenantId,
            String owner,
            String clientName,
            Duration outboundTimeout,
            Duration leadTimeout) {
        this.api = api;
        this.operator = operator;
        this.tenantId = tenantId;
        this.owner = owner;
        this.clientName = clientName;
        this.outboundTimeout = outboundTimeout;
        this.leadTimeout = leadTimeout;
    }

    /** The same sandbox, with the client's messages carrying this display name. */
    public Sandbox clientName(String name) {
        return new Sandbox(api, operator, tenantId, owner, name, outboundTimeout, leadTimeout);
    }

    /**
     * The same sandbox, waiting up to {@code outbound} for messages and {@code lead} for a lead.
     */
    public Sandbox timeouts(Duration outbound, Duration lead) {
        return new Sandbox(api, operator, tenantId, owner, clientName, outbound, lead);
    }

    /** The client at {@code phone} writes {@code text}; the server accepts it (202). */
    public void write(String phone, String text) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("phone", phone);
        if (clientName != null) {
            body.add("name", clientName);
        }
        Reply r =
                api.post(
                        "/api/admin/tenants/" + tenantId + "/sandbox/messages",
                        operator,
                        body.add("text", text).build());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }

    /** Writes and waits for the bot's answer (one more outbound message). */
    public void answer(String phone, String text) {
        int before = outbound(phone).size();
        write(phone, text);
        awaitOutbound(phone, before + 1);
    }

    /** The whole sandbox chat with {@code phone}, both directions, oldest first. */
    public JsonArray chat(String phone) {
        return api.get("/api/admin/tenants/" + tenantId + "/sandbox/chats/" + phone, operator)
                .array();
    }

    /** The messages sent to {@code phone}, oldest first. */
    public JsonArray outbound(String phone) {
        return chat(phone).stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> m.getString("direction").equals("OUT"))
                .collect(Json::createArrayBuilder, (b, v) -> b.add(v), (a, b) -> {})
                .build();
    }

    /** Waits until at least {@code atLeast} messages were sent to {@code phone}; returns them. */
    public JsonArray awaitOutbound(String phone, int atLeast) {
        return await().atMost(outboundTimeout)
                .until(() -> outbound(phone), a -> a.size() >= atLeast);
    }

    /** The text of the last message sent to {@code phone} ({@code ""} for media). */
    public String lastOut(String phone) {
        JsonArray out = outbound(phone);
        return out.getJsonObject(out.size() - 1).getString("text", "");
    }

    /** Waits for the CRM lead with {@code phone} to exist; returns it. */
    public JsonObject lead(String phone) {
        return awaitLead(phone, l -> true);
    }

    /** Waits for the CRM lead with {@code phone} to exist and satisfy {@code condition}. */
    public JsonObject awaitLead(String phone, Predicate<JsonObject> condition) {
        return await().atMost(leadTimeout)
                .until(
                        () -> {
                            JsonArray items =
                                    api.get("/api/crm/leads?q=" + phone.substring(1), owner)
                                            .json()
                                            .getJsonArray("items");
                            return items.isEmpty() ? null : items.getJsonObject(0);
                        },
                        l -> l != null && condition.test(l));
    }

    /** The lead's event log; the request must succeed (200). */
    public JsonArray events(JsonObject lead) {
        Reply r = api.get("/api/crm/leads/" + lead.getJsonNumber("id") + "/events", owner);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.array();
    }
}
