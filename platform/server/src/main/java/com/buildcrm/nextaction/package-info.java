/**
 * The next action on a lead: a pure planner (no database, no clock of its own) that, for a lead's
 * situation and a moment, says what a person should do next, why, and how urgently. Depends on
 * nothing but the JDK, so the lead views, the Now queue and push reminders can all use it.
 */
package com.buildcrm.nextaction;
