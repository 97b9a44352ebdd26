package com.buildcrm.channel.admin;

import com.buildcrm.audit.AuditLog;
import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.channel.InvalidChannelSettingsException;
import com.buildcrm.channel.SendResult;
import com.buildcrm.channel.TenantChannels;
import com.buildcrm.channel.WhatsAppGateway;
import com.buildcrm.conversation.ConversationService.MessageResponse;
import com.buildcrm.inbox.InboxService;
import com.buildcrm.json.Jsonp;
import com.buildcrm.lead.Lead;
import com.buildcrm.message.Message;
import com.buildcrm.phone.PhoneNumbers;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The operator's use cases on a tenant's WhatsApp channel, and the sandbox. */
@ApplicationScoped
public class ChannelAdminService {

    @Inject TenantChannels channels;
    @Inject TenantDirectory directory;
    @Inject InboxService inbox;
    @Inject Storage storage;
    @Inject TenantTransactions tenants;
    @Inject com.buildcrm.conversation.ConversationService conversations;

    public TenantChannels.View configure(
            long tenantId, String provider, Map<String, String> settings, Actor actor) {
        tenant(tenantId);
        if (provider == null || !channels.channels().supports(provider)) {
            throw ApiProblem.invalidField("provider", "one of " + channels.channels().keys());
        }
        try {
            channels.configure(tenantId, provider, settings == null ? Map.of() : settings);
        } catch (InvalidChannelSettingsException e) {
            throw ApiProblem.invalidField("settings", e.getMessage());
        }
        storage.transactions()
                .inPlatformDo(
                        em ->
                                AuditLog.record(
                                        em,
                                        actor,
                                        tenantId,
                                        "channel.configure",
                                        provider,
                                        Map.of(
                                                "fields",
                                                String.join(
                                                        ",",
                                                        settings == null
                                                                ? List.of()
                                                                : settings.keySet()))));
        return view(tenantId);
    }

    public TenantChannels.View view(long tenantId) {
        tenant(tenantId);
        return channels.view(tenantId)
                .orElseThrow(() -> ApiProblem.notFound("The tenant's channel"));
    }

    public TenantChannels.View rotate(long tenantId, Actor actor) {
        view(tenantId);
        channels.rotateWebhookSecret(tenantId);
        storage.transactions()
                .inPlatformDo(
                        em ->
                                AuditLog.record(
                                        em,
                                        actor,
                                        tenantId,
                                        "channel.rotate-secret",
                                        null,
                                        Map.of()));
        return view(tenantId);
    }

    /** The outcome of a connection test. */
    public record TestResult(String result, String detail) {}

    /**
     * Checks the channel: the settings make a working gateway; with a phone number, a real test
     * message is sent straight through the provider (not the outbox) and its outcome returned.
     */
    public TestResult test(long tenantId, String phone, String text, Actor actor) {
        TenantChannels.Connected channel =
                channels.forTenant(tenant(tenantId).id())
                        .orElseThrow(() -> ApiProblem.notFound("The tenant's channel"));
        WhatsAppGateway gateway = channels.gateway(channel);
        if (phone == null || phone.isBlank()) {
            return new TestResult(
                    "CONFIGURED",
                    "The settings are complete; give a phone number to send a test message");
        }
        String to =
                PhoneNumbers.toJid(phone)
                        .orElseThrow(
                                () -> ApiProblem.invalidField("phone", "not a valid phone number"));
        SendResult result =
                gateway.sendText(
                        to, text == null || text.isBlank() ? "BuildCRM: проверка связи ✅" : text);
        storage.transactions()
                .inPlatformDo(
                        em ->
                                AuditLog.record(
                                        em,
                                        actor,
                                        tenantId,
                                        "channel.test",
                                        channel.provider(),
                                        Map.of("result", result.status().name())));
        String detail;
        if (result instanceof SendResult.Accepted a) {
            detail = a.messageId().map(id -> "Accepted, message id " + id).orElse("Accepted");
        } else if (result instanceof SendResult.Rejected r) {
            detail = r.reason() + (r.retryable() ? " (temporary)" : "");
        } else {
            detail = ((SendResult.Unknown) result).reason();
        }
        if (!(result instanceof SendResult.Accepted)) {
            channels.recordError(tenantId, "test: " + detail);
        }
        return new TestResult(result.status().name(), detail);
    }

    /** A simulated lead writes to the tenant's number: the very same webhook → inbox path. */
    public void sandboxMessage(long tenantId, String phone, String name, String text) {
        tenant(tenantId);
        if (directory.byId(tenantId).filter(TenantDirectory.Entry::active).isEmpty()) {
            throw ApiProblem.conflict(
                    "tenant-suspended", "The tenant is suspended; resume it to use the sandbox");
        }
        TenantChannels.Connected channel =
                channels.forTenant(tenantId)
                        .filter(c -> c.provider().equals("sandbox"))
                        .orElseThrow(
                                () ->
                                        ApiProblem.conflict(
                                                "not-sandbox",
                                                "The tenant's channel is not the sandbox; configure provider 'sandbox' first"));
        if (PhoneNumbers.recipient(phone).isEmpty()) { // a WhatsApp account: possible suffices
            throw ApiProblem.invalidField("phone", "not a valid phone number");
        }
        byte[] body =
                Jsonp.createObjectBuilder()
                        .add("phone", phone)
                        .add("name", name == null ? "" : name)
                        .add("text", text)
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);
        inbox.store(tenantId, "sandbox", channels.webhook(channel).parse(body));
    }

    /** The whole simulated chat, both directions, oldest first. */
    public List<MessageResponse> sandboxChat(long tenantId, String phone) {
        TenantRef ref = tenant(tenantId);
        String e164 =
                PhoneNumbers.recipient(phone)
                        .orElseThrow(
                                () -> ApiProblem.invalidField("phone", "not a valid phone number"));
        return tenants.in(
                ref,
                work -> {
                    EntityManager em = work.em();
                    List<Lead> leads =
                            em.createQuery("SELECT l FROM Lead l WHERE l.phone = :p", Lead.class)
                                    .setParameter("p", e164)
                                    .getResultList();
                    if (leads.isEmpty()) {
                        return List.<MessageResponse>of();
                    }
                    return em
                            .createQuery(
                                    "SELECT m FROM Message m WHERE m.leadId = :l ORDER BY m.id",
                                    Message.class)
                            .setParameter("l", leads.get(0).id())
                            .getResultList()
                            .stream()
                            .map(m -> conversations.toResponse(tenantId, m))
                            .toList();
                });
    }

    private TenantRef tenant(long tenantId) {
        return tenants.forJob(tenantId)
                .orElseThrow(() -> ApiProblem.notFound("Tenant " + tenantId));
    }
}
