package com.buildcrm.brain;

/**
 * One earlier message of the conversation, for context.
 *
 * @param fromClient {@code true} for the client's message, {@code false} for ours (AI or person)
 * @param text the text (or a placeholder such as {@code [image]})
 */
public record HistoryLine(boolean fromClient, String text) {}
