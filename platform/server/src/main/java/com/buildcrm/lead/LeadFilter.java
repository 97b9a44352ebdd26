package com.buildcrm.lead;

import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Validated lead filters (API.md: stage, temperature, assignee, handledBy, noReply, city, period,
 * text). Null means "any".
 *
 * @param assigneeId a user id; with {@code unassigned} false and null: any assignee
 * @param createdFrom inclusive
 * @param createdTo exclusive
 */
public record LeadFilter(
        Long stageId,
        String temperature,
        Long assigneeId,
        boolean unassigned,
        String handledBy,
        Boolean noReply,
        String city,
        Instant createdFrom,
        Instant createdTo,
        String q) {

    public static final LeadFilter NONE =
            new LeadFilter(null, null, null, false, null, null, null, null, null, null);

    /** The same filter for one stage (a board column). */
    public LeadFilter inStage(long stage) {
        if (stageId != null && stageId != stage) {
            return new LeadFilter(
                    -1L,
                    temperature,
                    assigneeId,
                    unassigned,
                    handledBy,
                    noReply,
                    city,
                    createdFrom,
                    createdTo,
                    q);
        }
        return new LeadFilter(
                stage,
                temperature,
                assigneeId,
                unassigned,
                handledBy,
                noReply,
                city,
                createdFrom,
                createdTo,
                q);
    }

    /**
     * Parses the query parameters; every invalid one is named in a single 400 problem.
     *
     * @param me the caller's user id (for {@code assignee=me})
     * @param zone the company's time zone (dates are days there)
     */
    public static LeadFilter parse(LeadFilterParams p, long me, ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        Long stage = null;
        if (present(p.stage)) {
            try {
                stage = Long.parseLong(p.stage.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("stage", "must be a stage id"));
            }
        }
        String temperature = null;
        if (present(p.temperature)) {
            temperature = p.temperature.strip().toUpperCase(Locale.ROOT);
            if (!List.of("HOT", "WARM", "COLD").contains(temperature)) {
                errors.add(new FieldError("temperature", "must be HOT, WARM or COLD"));
            }
        }
        Long assignee = null;
        boolean unassigned = false;
        if (present(p.assignee)) {
            String a = p.assignee.strip().toLowerCase(Locale.ROOT);
            if (a.equals("none")) {
                unassigned = true;
            } else if (a.equals("me")) {
                assignee = me;
            } else {
                try {
                    assignee = Long.parseLong(a);
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("assignee", "must be a user id, none or me"));
                }
            }
        }
        String handledBy = null;
        if (present(p.handledBy)) {
            handledBy = p.handledBy.strip().toUpperCase(Locale.ROOT);
            String wanted = handledBy;
            if (Arrays.stream(HandledBy.values()).noneMatch(h -> h.name().equals(wanted))) {
                errors.add(new FieldError("handledBy", "must be ai or human"));
            }
        }
        Boolean noReply = null;
        if (present(p.noReply)) {
            String v = p.noReply.strip().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                noReply = Boolean.valueOf(v);
            } else {
                errors.add(new FieldError("noReply", "must be true or false"));
            }
        }
        Instant from = present(p.from) ? instant("from", p.from, zone, false, errors) : null;
        Instant to = present(p.to) ? instant("to", p.to, zone, true, errors) : null;
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("The request has invalid query parameters", errors);
        }
        return new LeadFilter(
                stage,
                temperature,
                assignee,
                unassigned,
                handledBy,
                noReply,
                present(p.city) ? p.city.strip() : null,
                from,
                to,
                present(p.q) ? p.q.strip() : null);
    }

    /**
     * An ISO date (a day in {@code zone}; as an upper bound the whole day is included) or an ISO
     * date-time with offset (or without: then in {@code zone}).
     */
    public static Instant instant(
            String field, String raw, ZoneId zone, boolean upper, List<FieldError> errors) {
        String v = raw.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (upper ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException e) {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            }
        } catch (DateTimeException e) {
            errors.add(
                    new FieldError(
                            field, "must be an ISO date (2026-11-26) or date-time with offset"));
            return null;
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
