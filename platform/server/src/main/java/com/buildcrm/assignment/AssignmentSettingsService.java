package com.buildcrm.assignment;

import com.buildcrm.tenancy.TenantData;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and replaces the tenant's assignment rule (owner and ROP). */
@ApplicationScoped
public class AssignmentSettingsService {

    /** The settings as the API shows and takes them. */
    public record SettingsView(
            String mode, List<String> on, List<Long> rotation, Integer reassignAfterMinutes) {

        static SettingsView of(AssignmentSettings s) {
            List<String> on = new ArrayList<>();
            for (AssignmentMoment m : AssignmentMoment.values()) {
                if (s.on().contains(m)) {
                    on.add(m.name());
                }
            }
            return new SettingsView(s.mode().name(), on, s.rotation(), s.reassignAfterMinutes());
        }
    }

    @Inject TenantData data;
    @Inject Clock clock;

    public SettingsView get() {
        return data.work(work -> SettingsView.of(AssignmentStore.settings(work, false)));
    }

    /**
     * Replaces the rule. Every user of the rotation must be an ACTIVE user of this tenant (any
     * role: an owner or a ROP who also sells may be in it); a bad field is a 400 naming it and
     * nothing changes.
     *
     * @param on {@code null} = the default moments
     * @param rotation {@code null} = empty (every active manager)
     */
    public SettingsView replace(
            String mode, List<String> on, List<Long> rotation, Integer reassignAfterMinutes) {
        AssignmentMode m = parseMode(mode);
        Set<AssignmentMoment> moments = parseMoments(on);
        List<Long> ids = rotation == null ? List.of() : rotation;
        if (ids.stream().anyMatch(id -> id == null)) {
            throw ApiProblem.invalidField("rotation", "a user id is missing");
        }
        if (new LinkedHashSet<>(ids).size() != ids.size()) {
            throw ApiProblem.invalidField("rotation", "a user is named twice");
        }
        if (reassignAfterMinutes != null
                && (reassignAfterMinutes < AssignmentSettings.MIN_REASSIGN_MINUTES
                        || reassignAfterMinutes > AssignmentSettings.MAX_REASSIGN_MINUTES)) {
            throw ApiProblem.invalidField(
                    "reassignAfterMinutes",
                    "must be between "
                            + AssignmentSettings.MIN_REASSIGN_MINUTES
                            + " and "
                            + AssignmentSettings.MAX_REASSIGN_MINUTES
                            + " minutes, or null (off)");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return data.work(
                work -> {
                    Map<Long, AssignmentStore.UserRow> users = AssignmentStore.users(work, ids);
                    for (Long id : ids) {
                        AssignmentStore.UserRow u = users.get(id);
                        if (u == null) {
                            throw ApiProblem.invalidField("rotation", "no such user: " + id);
                        }
                        if (!u.active()) {
                            throw ApiProblem.invalidField(
                                    "rotation", "user " + id + " is disabled");
                        }
                    }
                    AssignmentSettings current = AssignmentStore.settings(work, true);
                    AssignmentSettings next =
                            new AssignmentSettings(
                                    m,
                                    moments,
                                    ids,
                                    reassignAfterMinutes,
                                    current.lastAssignedUserId());
                    AssignmentStore.save(work, next, now);
                    return SettingsView.of(next);
                });
    }

    private static AssignmentMode parseMode(String mode) {
        if (mode == null) {
            throw ApiProblem.invalidField("mode", "required: MANUAL, ROUND_ROBIN or LEAST_LOADED");
        }
        try {
            return AssignmentMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(
                    "mode", "unknown mode: expected MANUAL, ROUND_ROBIN or LEAST_LOADED");
        }
    }

    private static Set<AssignmentMoment> parseMoments(List<String> on) {
        if (on == null) {
            return AssignmentSettings.DEFAULT_MOMENTS;
        }
        Set<AssignmentMoment> moments = EnumSet.noneOf(AssignmentMoment.class);
        for (String s : on) {
            try {
                moments.add(
                        AssignmentMoment.valueOf(
                                String.valueOf(s).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField(
                        "on", "unknown moment: expected CALL_REQUESTED, HANDOFF or CREATED");
            }
        }
        return moments;
    }
}
