package com.buildcrm.channel.sandbox;

/**
 * Where the simulated WhatsApp puts what the platform sends, so the sandbox chat page can show it.
 * The server implements it with the database; tests with a list.
 */
@FunctionalInterface
public interface SandboxOutbox {

    /** Records one sent message. Throwing makes the send a retryable rejection. */
    void record(SandboxOutboundMessage message);
}
