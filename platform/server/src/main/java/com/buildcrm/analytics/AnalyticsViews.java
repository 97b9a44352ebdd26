package com.buildcrm.analytics;

import java.time.OffsetDateTime;
import java.util.List;

/** Analytics as the CRM receives it. Periods are in the company's time zone. */
public final class AnalyticsViews {
    private AnalyticsViews() {}

    /** The period asked for: {@code from} inclusive, {@code to} exclusive, in {@code timezone}. */
    public record Period(OffsetDateTime from, OffsetDateTime to, String timezone) {}

    public record StageCard(long id, String name, String role, int position, String color) {}

    /**
     * @param current leads created in the period that are in this stage now
     * @param reached leads created in the period that were ever in this stage (created in it, moved
     *     into it by the AI or by hand, or in it now)
     * @param conversionFromPrevious {@code reached / reached of the previous stage} (0..1), null
     *     for the first stage or when the previous stage was reached by none
     */
    public record FunnelStage(
            StageCard stage, long current, long reached, Double conversionFromPrevious) {}

    public record FunnelResponse(Period period, long leads, List<FunnelStage> stages) {}

    /** Seconds from a client's message (the first after our last answer) to our next answer. */
    public record ResponseTime(long responses, Double medianSeconds, Double p90Seconds) {}

    public record DayCount(String date, long leads) {}

    /**
     * Leads created in the period: led by the AI to this day, or taken over by a person (a handoff
     * event, or led by a person now).
     */
    public record Handling(long leads, long aiToTheEnd, long takenOver, Double aiShare) {}

    public record ResponseTimesResponse(
            Period period,
            ResponseTime ai,
            ResponseTime human,
            List<DayCount> leadsPerDay,
            Handling handling,
            Calls calls) {}

    /**
     * Call tasks (kind CALL) due in the period — due at a time in the period, or, "as soon as
     * possible" ones, created in it. On time: done by the due time plus {@link
     * AnalyticsService#CALL_GRACE_MINUTES} minutes (as soon as possible: within {@link
     * AnalyticsService#ASAP_CALL_MINUTES} minutes of the task's creation); late: done after that;
     * missed: still open after that. Open calls not yet past that moment count nowhere.
     */
    public record Calls(long onTime, long late, long missed) {}

    /**
     * One person's work in the period. Listed: every active manager, and anybody else (an owner, a
     * ROP, a disabled user) with any of these numbers above zero.
     *
     * @param leadsAssigned leads created in the period that are assigned to this user now
     * @param won of those, in the WON stage now
     * @param humanReplies messages to clients this user sent in the period
     * @param takeOvers conversations this user took over from the AI in the period (the {@code
     *     handoff.takeover} event, by the button or by writing to an AI-led lead)
     * @param firstResponse per lead that became this user's in the period (their first take-over of
     *     it or assignment to them, whichever came first), the seconds until their first message to
     *     the client from that moment; {@code responses} counts the leads answered
     * @param calls call tasks assigned to this user, due in the period, as in {@link Calls}
     */
    public record ManagerStats(
            long id,
            String name,
            String role,
            boolean active,
            long leadsAssigned,
            long won,
            long humanReplies,
            long takeOvers,
            ResponseTime firstResponse,
            Calls calls) {}

    public record ManagersResponse(Period period, List<ManagerStats> managers) {}
}
