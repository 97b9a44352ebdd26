package com.buildcrm.user;

/**
 * Fired (synchronously, after the change committed) when a business user's access changed: the
 * identity package ends or re-checks their sessions. An event, so that {@code user} does not depend
 * on {@code identity}, which reads users to log them in.
 *
 * @param tenantId the user's tenant
 * @param userId the user
 * @param endSessions {@code true} when every session must end (disabled, password reset); {@code
 *     false} when tokens and open streams only re-check the role and status
 */
public record UserAccessChanged(long tenantId, long userId, boolean endSessions) {}
