package com.buildcrm.channel.sandbox;

import com.buildcrm.channel.InboundEvent;
import com.buildcrm.channel.InboundMessage;
import com.buildcrm.channel.InboundWebhook;
import com.buildcrm.channel.JsonFields;
import com.buildcrm.channel.MessageKind;
import com.buildcrm.channel.SecretComparison;
import com.buildcrm.channel.WebhookRequest;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated WhatsApp's receiving side: {@code {"phone": …, "name": …, "text": …}} as a
 * simulated lead writes it. An optional {@code "id"} is used as the message id, so a client
 * retrying a delivery is deduplicated; without it each body gets a new unique id.
 *
 * <p>Sandbox messages normally come through the authenticated admin API, which calls {@link #parse}
 * directly; a {@code webhookSecret} setting, when present, guards the public webhook path too.
 */
final class SandboxWebhook implements InboundWebhook {

    private final String secret;
    private final Clock clock;

    SandboxWebhook(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public Optional<String> handshake(Map<String, List<String>> query) {
        return Optional.empty();
    }

    @Override
    public boolean authenticate(WebhookRequest request) {
        return secret == null || SecretComparison.matches(secret, request.queryParameter("secret"));
    }

    @Override
    public List<InboundEvent> parse(byte[] rawBody) {
        try {
            JsonObject body = JsonFields.parse(rawBody).map(JsonFields::object).orElse(null);
            String phone = JsonFields.string(body, "phone");
            String text = JsonFields.string(body, "text");
            if (phone == null || phone.isBlank() || text == null || text.isBlank()) {
                return List.of();
            }
            String id = JsonFields.string(body, "id");
            if (id == null || id.isBlank()) {
                id = "sandbox-" + UUID.randomUUID();
            }
            return List.of(
                    new InboundMessage(
                            id,
                            phone.strip(),
                            JsonFields.string(body, "name"),
                            clock.instant(),
                            MessageKind.TEXT,
                            text,
                            null,
                            false,
                            body.toString()));
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
