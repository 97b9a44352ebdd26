package com.buildcrm.inbox;

import com.buildcrm.inbox.InboxEvent.Keys;
import com.buildcrm.tenancy.Transactions;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.logging.Logger;

/**
 * The SQL on {@code platform.inbox} that processing needs, in one place: loading rows as {@link
 * InboxRow}s and recording what became of them. Every method runs in the caller's transaction.
 */
final class InboxRows {

    private static final Logger LOG = Logger.getLogger(InboxRows.class.getName());

    private InboxRows() {}

    /** An unprocessed row, or null when it is processed or gone. */
    static InboxRow unprocessed(EntityManager em, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT "
                                        + InboxRow.COLUMNS
                                        + " FROM platform.inbox WHERE id = ?1 AND processed_at IS NULL")
                        .setParameter(1, id)
                        .getResultList();
        return rows.isEmpty() ? null : InboxRow.of(rows.get(0));
    }

    /**
     * This row and the sender's older unprocessed rows, oldest first; a poisoned older row is left
     * out, so one bad event does not hold up the rest of the conversation.
     *
     * @param lock true to lock the rows ({@code FOR UPDATE}) for applying them
     */
    static List<InboxRow> pendingUpTo(
            EntityManager em, InboxRow upTo, int maxAttempts, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT "
                                        + InboxRow.COLUMNS
                                        + " FROM platform.inbox"
                                        + " WHERE tenant_id = ?1 AND processed_at IS NULL AND id <= ?2"
                                        + " AND (id = ?2 OR (event->>'"
                                        + Keys.PHONE
                                        + "' = ?3 AND attempts < ?4))"
                                        + " ORDER BY id"
                                        + (lock ? " FOR UPDATE" : ""))
                        .setParameter(1, upTo.tenantId())
                        .setParameter(2, upTo.id())
                        .setParameter(3, upTo.phone())
                        .setParameter(4, maxAttempts)
                        .getResultList();
        return rows.stream().map(InboxRow::of).toList();
    }

    static void markProcessed(EntityManager em, long id) {
        em.createNativeQuery(
                        "UPDATE platform.inbox SET processed_at = now(), attempts = attempts + 1 WHERE id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    /**
     * Counts a failed attempt of an unprocessed row and keeps its error, in a transaction of its
     * own (the failed one rolled back). A failure to record it is logged, not thrown: the job's own
     * retry and the sweeper still hold the row.
     */
    static void recordFailure(Transactions transactions, long inboxId, Throwable error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        try {
            transactions.inPlatformDo(
                    em ->
                            em.createNativeQuery(
                                            "UPDATE platform.inbox SET attempts = attempts + 1, last_error = left(?1, 500)"
                                                    + " WHERE id = ?2 AND processed_at IS NULL")
                                    .setParameter(1, message)
                                    .setParameter(2, inboxId)
                                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not record the failure of inbox row " + inboxId + ": " + e);
        }
        LOG.warning(() -> "inbox row " + inboxId + " failed: " + message);
    }

    /** Sets a row aside as if it had failed every attempt (see ADR 009). */
    static void setAside(EntityManager em, long id, int maxAttempts, String reason) {
        em.createNativeQuery(
                        "UPDATE platform.inbox SET attempts = greatest(attempts, ?1),"
                                + " last_error = left(?2, 500) WHERE id = ?3")
                .setParameter(1, maxAttempts)
                .setParameter(2, reason)
                .setParameter(3, id)
                .executeUpdate();
    }

    /**
     * Keeps a fetched file in the row; the provider's mime type fills the event's when that was
     * empty. Does nothing to a row already processed or holding a file.
     */
    static void keepMedia(EntityManager em, long id, byte[] bytes, String mimeType) {
        em.createNativeQuery(
                        "UPDATE platform.inbox SET media = ?1, event = CASE"
                                + " WHEN coalesce(event->>'"
                                + Keys.MEDIA_MIME
                                + "', '') = '' AND ?2 <> ''"
                                + " THEN jsonb_set(event, '{"
                                + Keys.MEDIA_MIME
                                + "}', to_jsonb(CAST(?2 AS text)))"
                                + " ELSE event END"
                                + " WHERE id = ?3 AND processed_at IS NULL AND octet_length(media) = 0")
                .setParameter(1, bytes)
                .setParameter(2, mimeType == null ? "" : mimeType)
                .setParameter(3, id)
                .executeUpdate();
    }

    /** Records in the row's event that its file will not come, and why. */
    static void giveUpMedia(EntityManager em, long id, String reason) {
        em.createNativeQuery(
                        "UPDATE platform.inbox SET event = jsonb_set(event, '{"
                                + Keys.MEDIA_ERROR
                                + "}', to_jsonb(CAST(?1 AS text))),"
                                + " last_error = left('media not received: ' || ?1, 500)"
                                + " WHERE id = ?2 AND processed_at IS NULL")
                .setParameter(1, reason)
                .setParameter(2, id)
                .executeUpdate();
    }
}
