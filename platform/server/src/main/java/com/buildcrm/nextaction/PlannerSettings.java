package com.buildcrm.nextaction;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The tenant's and the reader's settings the planner needs.
 *
 * @param staleAfterDays N: no activity for N days in a non-final stage is stale (default 3)
 * @param zone the tenant's time zone (times in reasons are local: "Звонок на 14:00")
 * @param locale the reader's language (ru first, en second)
 */
public record PlannerSettings(int staleAfterDays, ZoneId zone, Locale locale) {}
