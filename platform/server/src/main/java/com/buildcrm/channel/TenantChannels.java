package com.buildcrm.channel;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.json.Jsonp;
import com.buildcrm.secret.Masking;
import com.buildcrm.secret.SecretBox;
import com.buildcrm.tenancy.CompanySetupChanged;
import com.buildcrm.tenancy.KeptAnswersDropped;
import com.buildcrm.tenancy.SignalledCache;
import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Each tenant's connected WhatsApp number: provider, settings, and secrets encrypted at rest under
 * the master key (bound to the tenant id, so a ciphertext copied to another row does not decrypt).
 * Builds the provider-neutral gateway and webhook; the provider key is switched on only inside
 * {@link Channels}.
 */
@ApplicationScoped
public class TenantChannels {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A tenant's channel with its settings, secrets decrypted (never leaves the server). */
    public record Connected(
            long tenantId, String provider, Map<String, String> settings, String webhookKey) {}

    /** How the operator sees a channel: secrets masked. */
    public record View(
            String provider,
            Map<String, String> settings,
            String webhookUrl,
            java.time.OffsetDateTime lastInboundAt,
            String lastError,
            java.time.OffsetDateTime lastErrorAt) {}

    @Inject Storage storage;
    @Inject SecretBox secrets;
    @Inject ServerSettings serverSettings;

    @Inject Channels channels;
    @Inject Event<CompanySetupChanged> setupChanged;

    /**
     * How long a company's channel is kept when no change is signalled (ADR 055): every webhook
     * looks its channel up by key and every send batch by company, each a platform transaction and
     * a decryption; a change made here drops it on every instance at once ({@code
     * CompanySetupChanged}), this bounds it if a signal is lost.
     */
    static final Duration KEPT = Duration.ofSeconds(5);

    private final SignalledCache<Long, Connected> byTenant = new SignalledCache<>(KEPT, 20_000);
    private final SignalledCache<String, Connected> byKey = new SignalledCache<>(KEPT, 20_000);

    /** The registry of provider adapters. */
    public Channels channels() {
        return channels;
    }

    /** The channel a webhook's key routes to (kept for {@link #KEPT}; a key not found never is). */
    public Optional<Connected> byWebhook(String provider, String webhookKey) {
        return byKey.getPresent(
                provider + " " + webhookKey,
                () -> find("webhook_key = ?1 AND provider = ?2", webhookKey, provider));
    }

    /** The company's channel (kept for {@link #KEPT}). */
    public Optional<Connected> forTenant(long tenantId) {
        return byTenant.getPresent(tenantId, () -> stored(tenantId));
    }

    /** The company's channel as stored now (for a change, which must start from it). */
    private Optional<Connected> stored(long tenantId) {
        return find("tenant_id = ?1", tenantId, null);
    }

    void dropKept(@Observes KeptAnswersDropped dropped) {
        byTenant.invalidateAll();
        byKey.invalidateAll();
    }

    public WhatsAppGateway gateway(Connected channel) {
        return channels().gateway(channel.provider(), channel.settings());
    }

    public InboundWebhook webhook(Connected channel) {
        return channels().webhook(channel.provider(), channel.settings());
    }

    /**
     * Sets the tenant's channel. Secret fields left out (or sent back masked) keep their stored
     * value when the provider does not change; a webhook secret is generated when none is set.
     *
     * @throws InvalidChannelSettingsException when the settings do not make a working channel
     */
    public Connected configure(long tenantId, String provider, Map<String, String> input) {
        ChannelProvider p = channels().provider(provider);
        Optional<Connected> existing = stored(tenantId).filter(c -> c.provider().equals(provider));
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> secret = new LinkedHashMap<>();
        boolean endpointChanged = existing.isPresent() && endpointChanged(p, existing.get(), input);
        List<String> notResent = new java.util.ArrayList<>();
        for (SettingField field : p.settingFields()) {
            String value = input.get(field.name());
            boolean given = !(value == null || value.isBlank() || Masking.isMask(value));
            if (!given && endpointChanged && sentToEndpoint(field)) {
                // a stored secret never follows the endpoint to another host: it must be sent
                // again with the new base URL
                if (existing.get().settings().get(field.name()) != null) {
                    notResent.add(field.name());
                }
                value = null;
            } else if (!given) {
                value = existing.map(c -> c.settings().get(field.name())).orElse(null);
            }
            if (value == null && field.name().equals("webhookSecret")) {
                value = randomToken(32);
            }
            if (value == null || value.isBlank()) {
                continue;
            }
            (field.secret() || field.name().equals("webhookSecret") ? secret : plain)
                    .put(field.name(), value.strip());
        }
        Map<String, String> merged = new LinkedHashMap<>(plain);
        merged.putAll(secret);
        if (notResent.stream().anyMatch(name -> isRequired(p, name))) {
            throw new InvalidChannelSettingsException(
                    BASE_URL
                            + " changed: send "
                            + String.join(", ", notResent)
                            + " again (stored secrets are never sent to a new endpoint)");
        }
        // building both sides proves the settings are complete and well-formed
        channels().gateway(provider, merged);
        channels().webhook(provider, merged);
        String key = existing.map(Connected::webhookKey).orElseGet(() -> randomToken(18));
        String encrypted = secrets.encrypt(toJson(secret), Long.toString(tenantId));
        storage.transactions()
                .inPlatformDo(
                        em ->
                                em.createNativeQuery(
                                                "INSERT INTO platform.channels (tenant_id, provider, settings, secrets, webhook_key, updated_at)"
                                                        + " VALUES (?1, ?2, CAST(?3 AS jsonb), ?4, ?5, now()) ON CONFLICT (tenant_id) DO UPDATE"
                                                        + " SET provider = EXCLUDED.provider, settings = EXCLUDED.settings,"
                                                        + " secrets = EXCLUDED.secrets, webhook_key = EXCLUDED.webhook_key, updated_at = now(),"
                                                        + " last_error = NULL, last_error_at = NULL")
                                        .setParameter(1, tenantId)
                                        .setParameter(2, provider)
                                        .setParameter(3, toJson(plain))
                                        .setParameter(4, encrypted)
                                        .setParameter(5, key)
                                        .executeUpdate());
        // every instance forgets the old channel (its key and secrets) now, not after KEPT
        setupChanged.fire(new CompanySetupChanged(tenantId));
        return new Connected(tenantId, provider, Collections.unmodifiableMap(merged), key);
    }

    /** The setting naming the provider's API endpoint, where its credentials are sent. */
    static final String BASE_URL = "baseUrl";

    /**
     * True when the request points the provider's API at another base URL than the stored one
     * (defaults and a trailing slash aside).
     */
    private static boolean endpointChanged(
            ChannelProvider p, Connected existing, Map<String, String> input) {
        Optional<SettingField> field =
                p.settingFields().stream().filter(f -> f.name().equals(BASE_URL)).findFirst();
        if (field.isEmpty()) {
            return false;
        }
        String requested = input.get(BASE_URL);
        if (requested == null || requested.isBlank()) {
            return false; // left out: the stored endpoint stays
        }
        String stored = existing.settings().get(BASE_URL);
        return !normalisedUrl(requested)
                .equals(normalisedUrl(stored == null ? field.get().defaultValue() : stored));
    }

    private static String normalisedUrl(String url) {
        return url == null ? "" : url.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    }

    /** Secrets a gateway sends to the provider's endpoint (not the webhook's own secret). */
    private static boolean sentToEndpoint(SettingField field) {
        return field.secret() && !field.name().equals("webhookSecret");
    }

    private static boolean isRequired(ChannelProvider p, String name) {
        return p.settingFields().stream().anyMatch(f -> f.name().equals(name) && f.required());
    }

    /**
     * A new webhook secret (and routing key): the old webhook URL stops working at once, on every
     * instance ({@link #configure} signals the change).
     */
    public Connected rotateWebhookSecret(long tenantId) {
        Connected current = stored(tenantId).orElseThrow();
        Map<String, String> settings = new LinkedHashMap<>(current.settings());
        settings.put("webhookSecret", randomToken(32));
        storage.transactions()
                .inPlatformDo(
                        em ->
                                em.createNativeQuery(
                                                "UPDATE platform.channels SET webhook_key = ?2 WHERE tenant_id = ?1")
                                        .setParameter(1, tenantId)
                                        .setParameter(2, randomToken(18))
                                        .executeUpdate());
        Map<String, String> input = new LinkedHashMap<>(settings);
        return configure(tenantId, current.provider(), input);
    }

    public void recordError(long tenantId, String error) {
        storage.transactions()
                .inPlatformDo(
                        em ->
                                em.createNativeQuery(
                                                "UPDATE platform.channels SET last_error = ?2, last_error_at = now() WHERE tenant_id = ?1")
                                        .setParameter(1, tenantId)
                                        .setParameter(
                                                2,
                                                error.length() > 500
                                                        ? error.substring(0, 500)
                                                        : error)
                                        .executeUpdate());
    }

    public Optional<View> view(long tenantId) {
        return forTenant(tenantId)
                .map(
                        c -> {
                            ChannelProvider p = channels().provider(c.provider());
                            Map<String, String> shown = new LinkedHashMap<>();
                            for (SettingField field : p.settingFields()) {
                                String value = c.settings().get(field.name());
                                if (value != null) {
                                    shown.put(
                                            field.name(),
                                            field.secret() || field.name().equals("webhookSecret")
                                                    ? Masking.mask(value)
                                                    : value);
                                }
                            }
                            HealthRow meta =
                                    storage.transactions()
                                            .inPlatform(
                                                    em ->
                                                            HealthRow.of(
                                                                    (Object[])
                                                                            em.createNativeQuery(
                                                                                            HealthRow
                                                                                                    .SELECT)
                                                                                    .setParameter(
                                                                                            1,
                                                                                            tenantId)
                                                                                    .getSingleResult()));
                            return new View(
                                    c.provider(),
                                    shown,
                                    webhookUrl(c),
                                    meta.lastInboundAt(),
                                    meta.lastError(),
                                    meta.lastErrorAt());
                        });
    }

    /**
     * The URL to paste into the provider's console; null for the sandbox (it has no outside
     * webhook).
     */
    public String webhookUrl(Connected c) {
        return channels()
                .provider(c.provider())
                .webhookPath(c.webhookKey(), ChannelSettings.of(c.settings()))
                .map(path -> serverSettings.baseUrl() + path)
                .orElse(null);
    }

    private Optional<Connected> find(String where, Object p1, Object p2) {
        return storage.transactions()
                .inPlatform(
                        em -> {
                            var query =
                                    em.createNativeQuery(
                                                    "SELECT "
                                                            + ChannelRow.COLUMNS
                                                            + " FROM platform.channels WHERE "
                                                            + where)
                                            .setParameter(1, p1);
                            if (p2 != null) {
                                query.setParameter(2, p2);
                            }
                            @SuppressWarnings("unchecked")
                            List<Object[]> rows = query.getResultList();
                            return rows.stream()
                                    .findFirst()
                                    .map(r -> toConnected(ChannelRow.of(r)));
                        });
    }

    /** A stored channel, secrets still encrypted: a typed projection of {@link #COLUMNS}. */
    private record ChannelRow(
            long tenantId,
            String provider,
            String settingsJson,
            String encryptedSecrets,
            String webhookKey) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS = "tenant_id, provider, settings::text, secrets, webhook_key";

        static ChannelRow of(Object[] r) {
            return new ChannelRow(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4]);
        }
    }

    private Connected toConnected(ChannelRow r) {
        long tenantId = r.tenantId();
        Map<String, String> settings = new LinkedHashMap<>(fromJson(r.settingsJson()));
        if (r.encryptedSecrets() != null) {
            settings.putAll(
                    fromJson(secrets.decrypt(r.encryptedSecrets(), Long.toString(tenantId))));
        }
        // kept and shared between threads: read-only
        return new Connected(
                tenantId, r.provider(), Collections.unmodifiableMap(settings), r.webhookKey());
    }

    /** A channel's delivery health: a typed projection of {@link #COLUMNS}. */
    private record HealthRow(
            java.time.OffsetDateTime lastInboundAt,
            String lastError,
            java.time.OffsetDateTime lastErrorAt) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS = "last_inbound_at, last_error, last_error_at";

        /** The query of one tenant's channel ({@code ?1} = the tenant id). */
        static final String SELECT =
                "SELECT " + COLUMNS + " FROM platform.channels WHERE tenant_id = ?1";

        static HealthRow of(Object[] r) {
            return new HealthRow(odt(r[0]), (String) r[1], odt(r[2]));
        }
    }

    private static String toJson(Map<String, String> map) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder();
        map.forEach(b::add);
        return b.build().toString();
    }

    private static Map<String, String> fromJson(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        try (var reader = Jsonp.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            o.forEach(
                    (k, v) ->
                            map.put(
                                    k,
                                    v.getValueType() == JsonValue.ValueType.STRING
                                            ? ((JsonString) v).getString()
                                            : v.toString()));
        }
        return map;
    }

    private static java.time.OffsetDateTime odt(Object value) {
        if (value instanceof java.time.OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
