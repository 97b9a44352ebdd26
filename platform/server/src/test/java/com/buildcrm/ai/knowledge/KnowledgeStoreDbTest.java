package com.buildcrm.ai.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.brain.KnowledgeBase;
import com.buildcrm.plugin.api.KnowledgeEntry;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantRef;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's knowledge base on real PostgreSQL: two saves of the same base at the same time end
 * with one of them in force entirely — never the entries of both — and the version counts both.
 */
class KnowledgeStoreDbTest {

    private static final DbTier DB = DbTier.get();
    private static final OffsetDateTime NOW =
            OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    private static ExecutorService pool;

    @BeforeAll
    static void setUp() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void twoConcurrentFirstSavesDoNotMix() throws Exception {
        TenantRef tenant = DB.newTenant("kb-race", "Asia/Almaty");
        race(tenant);
        assertThat(version(tenant)).isEqualTo(2);
    }

    @Test
    void twoConcurrentSavesOverAnExistingBaseDoNotMix() throws Exception {
        TenantRef tenant = DB.newTenant("kb-race-again", "Asia/Almaty");
        data(tenant)
                .work(
                        w -> {
                            KnowledgeStore.replace(w, entries("Старая", 3), "first@op.kz", NOW);
                            return null;
                        });
        race(tenant);
        assertThat(version(tenant)).isEqualTo(3);
        assertThat(titles(tenant)).noneMatch(t -> t.startsWith("Старая"));
    }

    /**
     * Save A writes its entries and, before it commits, save B starts; A commits only once B is
     * blocked by it (or, without the lock, done). Whichever wins, the base holds one save whole.
     */
    private static void race(TenantRef tenant) throws Exception {
        CountDownLatch aWrote = new CountDownLatch(1);
        CompletableFuture<Void> a =
                CompletableFuture.runAsync(
                        () ->
                                data(tenant)
                                        .work(
                                                w -> {
                                                    KnowledgeStore.replace(
                                                            w, entries("А", 4), "a@op.kz", NOW);
                                                    aWrote.countDown();
                                                    awaitBWaitingOrDone(tenant);
                                                    return null;
                                                }),
                        pool);
        assertThat(aWrote.await(30, TimeUnit.SECONDS)).isTrue();
        b =
                CompletableFuture.runAsync(
                        () ->
                                data(tenant)
                                        .work(
                                                w -> {
                                                    KnowledgeStore.replace(
                                                            w, entries("Б", 2), "b@op.kz", NOW);
                                                    return null;
                                                }),
                        pool);
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);
        b = null;

        List<String> titles = titles(tenant);
        assertThat(titles)
                .as("one save whole, never a mix")
                .isIn(List.of("А 1", "А 2", "А 3", "А 4"), List.of("Б 1", "Б 2"));
        // the saved base reads back as the index the AI answers from
        KnowledgeStore.Saved saved = data(tenant).work(KnowledgeStore::load).orElseThrow();
        assertThat(saved.items()).extracting(KnowledgeBase.Item::title).isEqualTo(titles);
    }

    private static volatile CompletableFuture<Void> b;

    /** Inside save A: until save B waits for a lock in PostgreSQL, or has finished. */
    private static void awaitBWaitingOrDone(TenantRef tenant) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            CompletableFuture<Void> other = b;
                            return other != null && (other.isDone() || waitingForALock(tenant) > 0);
                        });
    }

    private static long waitingForALock(TenantRef tenant) {
        return DB.number(
                tenant,
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query ILIKE '%knowledge%'");
    }

    private static List<KnowledgeEntry> entries(String prefix, int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(
                        i ->
                                new KnowledgeEntry(
                                        prefix + " " + i,
                                        List.of("Вопрос " + prefix + " " + i + "?"),
                                        "Ответ " + prefix + " " + i + "."))
                .toList();
    }

    private static List<String> titles(TenantRef tenant) {
        return DB
                .column(tenant, "SELECT title FROM knowledge_entries ORDER BY position, id")
                .stream()
                .map(Object::toString)
                .toList();
    }

    private static long version(TenantRef tenant) {
        return DB.number(tenant, "SELECT version FROM knowledge_base WHERE id = 1");
    }

    private static TenantData data(TenantRef tenant) {
        return DB.data(tenant, 1, "OWNER");
    }
}
