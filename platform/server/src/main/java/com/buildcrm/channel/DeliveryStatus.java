package com.buildcrm.channel;

/**
 * Where an outbound message is, as reported by providers that send receipts (Meta, not ChatFlow).
 */
public enum DeliveryStatus {
    SENT,
    DELIVERED,
    READ,
    FAILED
}
