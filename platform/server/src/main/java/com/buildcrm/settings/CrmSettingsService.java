package com.buildcrm.settings;

import com.buildcrm.identity.SessionChange;
import com.buildcrm.identity.SessionSignals;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads and changes the company's CRM settings. */
@ApplicationScoped
public class CrmSettingsService {

    /** Working-day times on the wire: "HH:mm". */
    public static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject TenantData data;
    @Inject Clock clock;
    @Inject SessionSignals signals;

    /**
     * The settings as the API shows them.
     *
     * @param staleAfterDays days without activity after which a lead in a non-final stage is stale
     * @param workDayStart "HH:mm" in the company's time zone
     * @param workDayEnd "HH:mm", after the start
     */
    public record View(
            boolean managersSeeAll, int staleAfterDays, String workDayStart, String workDayEnd) {

        static View of(CrmSettings s) {
            return new View(
                    s.managersSeeAll(),
                    s.staleAfterDays(),
                    s.workDayStart().format(HH_MM),
                    s.workDayEnd().format(HH_MM));
        }
    }

    /** A change: absent (null) values stay as they are. */
    public record Change(
            Boolean managersSeeAll,
            Integer staleAfterDays,
            String workDayStart,
            String workDayEnd) {}

    public boolean managersSeeAll() {
        return data.tx(em -> find(em).managersSeeAll());
    }

    public View view() {
        return data.tx(em -> View.of(find(em)));
    }

    public boolean changeManagersSeeAll(boolean value) {
        return change(new Change(value, null, null, null)).managersSeeAll();
    }

    /**
     * Applies a change after validating all of it (a bad value changes nothing: 400 naming the
     * field).
     */
    public View change(Change c) {
        if (c.managersSeeAll() == null
                && c.staleAfterDays() == null
                && c.workDayStart() == null
                && c.workDayEnd() == null) {
            throw ApiProblem.invalidField("managersSeeAll", "name at least one setting to change");
        }
        if (c.staleAfterDays() != null && (c.staleAfterDays() < 1 || c.staleAfterDays() > 365)) {
            throw ApiProblem.invalidField("staleAfterDays", "must be from 1 to 365");
        }
        LocalTime start = time("workDayStart", c.workDayStart());
        LocalTime end = time("workDayEnd", c.workDayEnd());
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        View changed =
                data.tx(
                        em -> {
                            CrmSettings settings = find(em);
                            if (start != null || end != null) {
                                LocalTime s = start != null ? start : settings.workDayStart();
                                LocalTime e = end != null ? end : settings.workDayEnd();
                                if (!s.isBefore(e)) {
                                    throw ApiProblem.invalidField(
                                            end != null ? "workDayEnd" : "workDayStart",
                                            "the working day must start before it ends");
                                }
                                settings.changeWorkDay(s, e, now);
                            }
                            if (c.staleAfterDays() != null) {
                                settings.changeStaleAfterDays(c.staleAfterDays(), now);
                            }
                            if (c.managersSeeAll() != null) {
                                settings.changeManagersSeeAll(c.managersSeeAll(), now);
                            }
                            return View.of(settings);
                        });
        if (c.managersSeeAll() != null) {
            // managers' open event streams are re-filtered on every instance
            signals.publish(SessionChange.settings(data.tenant().id()));
        }
        return changed;
    }

    private static LocalTime time(String field, String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{2}:\\d{2}")) {
            throw ApiProblem.invalidField(field, "must be a time \"HH:mm\"");
        }
        try {
            return LocalTime.parse(value, HH_MM);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be a time \"HH:mm\"");
        }
    }

    private static CrmSettings find(EntityManager em) {
        CrmSettings settings = em.find(CrmSettings.class, CrmSettings.SINGLETON);
        if (settings == null) {
            throw ApiProblem.notFound("CRM settings");
        }
        return settings;
    }
}
