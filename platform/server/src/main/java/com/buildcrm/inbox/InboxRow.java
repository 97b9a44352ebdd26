package com.buildcrm.inbox;

/**
 * One stored inbound event ({@code platform.inbox}) as the processor reads it: a typed projection
 * of {@link #COLUMNS}, the only place that knows their order.
 *
 * @param id the row id
 * @param tenantId whose channel received it
 * @param provider the channel provider that received it
 * @param providerMessageId the dedupe key ({@code #status:…} appended for receipts)
 * @param event the event, decoded
 * @param media the file the provider inlined or that was fetched since; empty when none
 * @param attempts failed processing attempts so far
 */
record InboxRow(
        long id,
        long tenantId,
        String provider,
        String providerMessageId,
        InboxEvent event,
        byte[] media,
        int attempts) {

    /** The select list {@link #of} reads, in its order. */
    static final String COLUMNS =
            "id, tenant_id, provider, provider_message_id, event::text, media, attempts";

    static InboxRow of(Object[] r) {
        return new InboxRow(
                ((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(),
                (String) r[2],
                (String) r[3],
                InboxEvent.fromJson(String.valueOf(r[4])),
                r[5] == null ? new byte[0] : (byte[]) r[5],
                ((Number) r[6]).intValue());
    }

    /** The client message, or null for a receipt. */
    InboxEvent.ClientMessage message() {
        return event instanceof InboxEvent.ClientMessage m ? m : null;
    }

    /** The sender's phone ("" when none or a receipt): the key of the per-sender ordering. */
    String phone() {
        InboxEvent.ClientMessage m = message();
        return m == null || m.phone() == null ? "" : m.phone();
    }

    boolean hasMedia() {
        return media.length > 0;
    }

    /** True when the row is a message whose file is still to be fetched. */
    boolean awaitsMedia() {
        InboxEvent.ClientMessage m = message();
        return m != null && !hasMedia() && m.mediaToFetch();
    }
}
