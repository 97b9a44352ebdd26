package com.buildcrm.ai.knowledge;

import com.buildcrm.brain.KnowledgeBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The in-memory Lucene indexes of the tenants' knowledge bases (ADR 032): built lazily on a
 * tenant's first question, keyed by what they were built from (the saved version, or the pack's
 * defaults), and evicted least-recently-used beyond {@code buildcrm.knowledge.cached.tenants}
 * (default 200) — so 1,000 tenants cost the memory of the active ones only. Several instances each
 * keep their own; the version read per turn makes a save on one visible on all.
 */
@ApplicationScoped
public class KnowledgeIndexes {

    private record Cached(String key, KnowledgeBase base) {}

    private final int capacity =
            ConfigProvider.getConfig()
                    .getOptionalValue("buildcrm.knowledge.cached.tenants", Integer.class)
                    .orElse(200);

    private final Map<Long, Cached> cache =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Cached> eldest) {
                    return size() > capacity;
                }
            };

    /**
     * The index of {@code tenantId}'s base as of {@code key}; {@code items} are read only when the
     * cached index is missing or stale.
     */
    public KnowledgeBase forTenant(
            long tenantId, String key, Supplier<List<KnowledgeBase.Item>> items) {
        synchronized (cache) {
            Cached c = cache.get(tenantId);
            if (c != null && c.key().equals(key)) {
                return c.base();
            }
        }
        KnowledgeBase built = KnowledgeBase.of(items.get()); // outside the lock: may take ms
        synchronized (cache) {
            cache.put(tenantId, new Cached(key, built));
        }
        return built;
    }

    /** Drops a tenant's index (after a save on this instance). */
    public void evict(long tenantId) {
        synchronized (cache) {
            cache.remove(tenantId);
        }
    }
}
