package com.buildcrm.ai.voice;

import com.buildcrm.secret.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the transcription endpoints: {@code platform.transcription_default} (one row at
 * most) and {@code platform.tenant_transcription} (a tenant's own endpoint, or OFF). Keys are
 * encrypted with {@link SecretBox}, bound to {@value #DEFAULT_AAD} or to the tenant.
 */
@ApplicationScoped
public class TranscriptionSettings {

    static final String DEFAULT_AAD = "transcription";

    /** How a tenant is set: the platform default, its own endpoint, or none at all. */
    public enum Mode {
        DEFAULT,
        OWN,
        OFF
    }

    /** A stored endpoint with its key decrypted (never returned by the API). */
    public record Stored(String baseUrl, String model, Optional<String> apiKey) {
        TranscriptionEndpoint endpoint() {
            return new TranscriptionEndpoint(baseUrl, model, apiKey.orElse(""));
        }
    }

    /** A tenant's setting: its mode and, for OWN, its endpoint. */
    public record TenantSetting(Mode mode, Optional<Stored> own) {}

    /** Where a tenant's effective endpoint comes from. */
    public enum Source {
        TENANT,
        PLATFORM,
        NONE
    }

    /** The endpoint a tenant's voice notes go to, if any, and where it was set. */
    public record Effective(Source source, Optional<TranscriptionEndpoint> endpoint) {}

    @Inject SecretBox secrets;

    public SecretBox secrets() {
        return secrets;
    }

    public Optional<Stored> platformDefault(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT base_url, model, api_key FROM platform.transcription_default")
                        .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(
                new Stored(
                        (String) r[0],
                        (String) r[1],
                        Optional.ofNullable((String) r[2])
                                .map(k -> secrets.decrypt(k, DEFAULT_AAD))));
    }

    public TenantSetting tenant(EntityManager em, long tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT mode, base_url, model, api_key FROM platform.tenant_transcription"
                                        + " WHERE tenant_id = ?1")
                        .setParameter(1, tenantId)
                        .getResultList();
        if (rows.isEmpty()) {
            return new TenantSetting(Mode.DEFAULT, Optional.empty());
        }
        Object[] r = rows.get(0);
        Mode mode = Mode.valueOf((String) r[0]);
        if (mode == Mode.OFF) {
            return new TenantSetting(Mode.OFF, Optional.empty());
        }
        return new TenantSetting(
                Mode.OWN,
                Optional.of(
                        new Stored(
                                (String) r[1],
                                (String) r[2],
                                Optional.ofNullable((String) r[3])
                                        .map(k -> secrets.decrypt(k, tenantAad(tenantId))))));
    }

    /** The endpoint for a tenant: its own, else the platform's, unless it turned it off. */
    public Effective effective(EntityManager em, long tenantId) {
        TenantSetting t = tenant(em, tenantId);
        if (t.mode() == Mode.OFF) {
            return new Effective(Source.NONE, Optional.empty());
        }
        if (t.mode() == Mode.OWN) {
            return new Effective(Source.TENANT, t.own().map(Stored::endpoint));
        }
        return platformDefault(em)
                .map(d -> new Effective(Source.PLATFORM, Optional.of(d.endpoint())))
                .orElse(new Effective(Source.NONE, Optional.empty()));
    }

    /**
     * Saves the platform default; {@code newKey} empty keeps the stored key unless {@code clearKey}
     * (the caller decides, e.g. when the endpoint moved).
     */
    public void savePlatformDefault(
            EntityManager em,
            String baseUrl,
            String model,
            Optional<String> newKey,
            boolean clearKey) {
        String encrypted = newKey.map(k -> secrets.encrypt(k, DEFAULT_AAD)).orElse(null);
        em.createNativeQuery(
                        "INSERT INTO platform.transcription_default (singleton, base_url, model, api_key, updated_at)"
                                + " VALUES (true, ?1, ?2, ?3, now()) ON CONFLICT (singleton) DO UPDATE SET"
                                + " base_url = EXCLUDED.base_url, model = EXCLUDED.model,"
                                + " api_key = CASE WHEN ?4 THEN NULL"
                                + " ELSE COALESCE(EXCLUDED.api_key, platform.transcription_default.api_key) END,"
                                + " updated_at = now()")
                .setParameter(1, baseUrl)
                .setParameter(2, model)
                .setParameter(3, encrypted)
                .setParameter(4, clearKey)
                .executeUpdate();
    }

    /** Removes the platform default: tenants without their own endpoint get none. */
    public void removePlatformDefault(EntityManager em) {
        em.createNativeQuery("DELETE FROM platform.transcription_default").executeUpdate();
    }

    /** Saves a tenant's setting; for DEFAULT its row goes (and with it any key it held). */
    public void saveTenant(
            EntityManager em,
            long tenantId,
            Mode mode,
            String baseUrl,
            String model,
            Optional<String> newKey,
            boolean clearKey) {
        if (mode == Mode.DEFAULT) {
            em.createNativeQuery("DELETE FROM platform.tenant_transcription WHERE tenant_id = ?1")
                    .setParameter(1, tenantId)
                    .executeUpdate();
            return;
        }
        String encrypted = newKey.map(k -> secrets.encrypt(k, tenantAad(tenantId))).orElse(null);
        boolean off = mode == Mode.OFF;
        em.createNativeQuery(
                        "INSERT INTO platform.tenant_transcription (tenant_id, mode, base_url, model, api_key, updated_at)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, now()) ON CONFLICT (tenant_id) DO UPDATE SET"
                                + " mode = EXCLUDED.mode, base_url = EXCLUDED.base_url, model = EXCLUDED.model,"
                                + " api_key = CASE WHEN ?6 THEN NULL"
                                + " ELSE COALESCE(EXCLUDED.api_key, platform.tenant_transcription.api_key) END,"
                                + " updated_at = now()")
                .setParameter(1, tenantId)
                .setParameter(2, mode.name())
                .setParameter(3, off ? null : baseUrl)
                .setParameter(4, off ? null : model)
                .setParameter(5, off ? null : encrypted)
                .setParameter(6, off || clearKey)
                .executeUpdate();
    }

    static String tenantAad(long tenantId) {
        return "transcription:" + tenantId;
    }
}
