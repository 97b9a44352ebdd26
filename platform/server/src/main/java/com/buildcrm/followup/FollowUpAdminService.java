package com.buildcrm.followup;

import com.buildcrm.audit.AuditLog;
import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.json.Jsonp;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.web.ApiProblem;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The operator's side of follow-ups: the policy per tenant and a timeline preview. */
@jakarta.enterprise.context.ApplicationScoped
public class FollowUpAdminService {

    @Inject Storage storage;
    @Inject TenantDirectory directory;
    @Inject FollowUpStore store;
    @Inject Clock clock;

    /** The policy in force ({@code source}: pack default or the tenant's own) and the time zone. */
    public JsonObject get(long id) {
        tenant(id);
        return storage.transactions().inPlatform(em -> FollowUpStore.toApi(store.load(em, id)));
    }

    /** Replaces the policy; absent fields keep their current value. */
    public JsonObject put(long id, JsonObject body, Actor actor) {
        tenant(id);
        return storage.transactions()
                .inPlatform(
                        em -> {
                            FollowUpStore.Setup current = store.load(em, id);
                            FollowUpPolicyJson.Parsed parsed =
                                    FollowUpPolicyJson.fromJson(
                                            FollowUpStore.fromApi(body), current.policy());
                            if (!parsed.isValid()) {
                                throw ApiProblem.badRequest(
                                        "The follow-up policy is not valid", parsed.errors());
                            }
                            store.save(em, id, parsed.policy());
                            AuditLog.record(
                                    em,
                                    actor,
                                    id,
                                    "followups.configure",
                                    "policy",
                                    Map.of("steps", parsed.policy().steps().size()));
                            return FollowUpStore.toApi(store.load(em, id));
                        });
    }

    /** Back to the pack's default texts and the platform's defaults. */
    public JsonObject reset(long id, Actor actor) {
        tenant(id);
        return storage.transactions()
                .inPlatform(
                        em -> {
                            store.reset(em, id);
                            AuditLog.record(em, actor, id, "followups.reset", "policy", Map.of());
                            return FollowUpStore.toApi(store.load(em, id));
                        });
    }

    /**
     * When each step would fire for a silence starting at {@code armedAt} (default now), in the
     * tenant's time zone and quiet hours, for a sample lead.
     */
    public JsonObject timeline(long id, String armedAt) {
        tenant(id);
        Instant start;
        try {
            start = armedAt == null || armedAt.isBlank() ? clock.instant() : Instant.parse(armedAt);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(
                    "armedAt", "an ISO-8601 instant, e.g. 2026-11-26T18:30:00Z");
        }
        FollowUpStore.Setup s = storage.transactions().inPlatform(em -> store.load(em, id));
        JsonArrayBuilder steps = Jsonp.createArrayBuilder();
        Instant last = start;
        for (int i = 0; i < s.policy().steps().size(); i++) {
            FollowUpPolicy.Step step = s.policy().steps().get(i);
            Instant nominal = start.plusSeconds(step.delayMinutes() * 60L);
            Instant due = FollowUpPlanner.dueAt(s.policy(), s.zone(), start, i, last, 1L);
            steps.add(
                    Jsonp.createObjectBuilder()
                            .add("index", i)
                            .add("text", step.text())
                            .add("dueAt", due.atZone(s.zone()).toOffsetDateTime().toString())
                            .add(
                                    "movedByQuietHours",
                                    due.isAfter(
                                                    nominal.plusSeconds(
                                                            60L * s.policy().minSpacingMinutes()))
                                            || s.policy()
                                                    .quietHours()
                                                    .contains(nominal, s.zone())));
            last = due;
        }
        return Jsonp.createObjectBuilder()
                .add("timezone", s.zone().getId())
                .add("armedAt", start.atZone(s.zone()).toOffsetDateTime().toString())
                .add("steps", steps)
                .build();
    }

    private void tenant(long id) {
        if (!directory.exists(id)) {
            throw ApiProblem.notFound("Tenant " + id);
        }
    }
}
