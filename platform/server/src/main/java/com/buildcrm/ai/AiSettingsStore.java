package com.buildcrm.ai;

import com.buildcrm.secret.SecretBox;
import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code platform.tenant_ai}; the LLM key is encrypted with the tenant as AAD. */
@ApplicationScoped
public class AiSettingsStore {

    @Inject Storage storage;
    @Inject SecretBox secrets;

    public AiSettings load(long tenantId) {
        return storage.transactions().inPlatform(em -> load(em, tenantId));
    }

    /** A tenant's stored AI settings: a typed projection of {@link #COLUMNS}. */
    private record SettingsRow(
            boolean enabled,
            String brain,
            String prompt,
            String llmBaseUrl,
            String llmModel,
            String encryptedKey,
            BigDecimal llmTemperature,
            int debounceMs) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS =
                "enabled, brain, prompt, llm_base_url, llm_model, llm_api_key, llm_temperature,"
                        + " debounce_ms";

        static SettingsRow of(Object[] r) {
            return new SettingsRow(
                    (Boolean) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    new BigDecimal(r[6].toString()),
                    ((Number) r[7]).intValue());
        }
    }

    public AiSettings load(EntityManager em, long tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT "
                                        + SettingsRow.COLUMNS
                                        + " FROM platform.tenant_ai WHERE tenant_id = ?1")
                        .setParameter(1, tenantId)
                        .getResultList();
        if (rows.isEmpty()) {
            return AiSettings.defaults();
        }
        SettingsRow r = SettingsRow.of(rows.get(0));
        String key = r.encryptedKey();
        return new AiSettings(
                r.enabled(),
                r.brain(),
                r.prompt(),
                r.llmBaseUrl(),
                r.llmModel(),
                key == null
                        ? Optional.empty()
                        : Optional.of(secrets.decrypt(key, Long.toString(tenantId))),
                r.llmTemperature(),
                r.debounceMs());
    }

    /** What the inbox needs for every message: whether the AI answers, and after what pause. */
    public record OnArrival(boolean enabled, int debounceMs) {}

    /** {@link OnArrival}, cheaply (one row by key; the defaults when the company has none). */
    public OnArrival onArrival(EntityManager em, long tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT enabled, debounce_ms FROM platform.tenant_ai WHERE tenant_id = ?1")
                        .setParameter(1, tenantId)
                        .getResultList();
        return rows.isEmpty()
                ? new OnArrival(AiSettings.defaults().enabled(), AiSettings.DEFAULT_DEBOUNCE_MS)
                : new OnArrival((Boolean) rows.get(0)[0], ((Number) rows.get(0)[1]).intValue());
    }

    /**
     * Saves the settings. {@code newApiKey} empty keeps the stored key — unless the base URL
     * changes, which drops it; {@code clearKey} removes it.
     */
    public void save(
            EntityManager em,
            long tenantId,
            AiSettings s,
            Optional<String> newApiKey,
            boolean clearKey) {
        String encrypted =
                newApiKey.map(k -> secrets.encrypt(k, Long.toString(tenantId))).orElse(null);
        em.createNativeQuery(
                        "INSERT INTO platform.tenant_ai (tenant_id, enabled, brain, prompt, llm_base_url, llm_model,"
                                + " llm_api_key, llm_temperature, debounce_ms, updated_at)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now())"
                                + " ON CONFLICT (tenant_id) DO UPDATE SET enabled = EXCLUDED.enabled, brain = EXCLUDED.brain,"
                                + " prompt = EXCLUDED.prompt, llm_base_url = EXCLUDED.llm_base_url, llm_model = EXCLUDED.llm_model,"
                                // a key never follows a new endpoint it was not sent with, even
                                // when another request changed the endpoint meanwhile
                                + " llm_api_key = CASE WHEN ?10 OR (EXCLUDED.llm_api_key IS NULL AND EXCLUDED.llm_base_url"
                                + " IS DISTINCT FROM platform.tenant_ai.llm_base_url) THEN NULL"
                                + " ELSE COALESCE(EXCLUDED.llm_api_key, platform.tenant_ai.llm_api_key) END,"
                                + " llm_temperature = EXCLUDED.llm_temperature, debounce_ms = EXCLUDED.debounce_ms, updated_at = now()")
                .setParameter(1, tenantId)
                .setParameter(2, s.enabled())
                .setParameter(3, s.brain())
                .setParameter(4, s.prompt() == null ? "" : s.prompt())
                .setParameter(5, s.llmBaseUrl())
                .setParameter(6, s.llmModel())
                .setParameter(7, encrypted)
                .setParameter(8, s.llmTemperature())
                .setParameter(9, s.debounceMs())
                .setParameter(10, clearKey)
                .executeUpdate();
    }
}
