package com.buildcrm.task;

import com.buildcrm.lead.ActorKind;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.notify.LeadMilestone;
import com.buildcrm.notify.Milestone;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantWork;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The AI's call task: when a lead reaches CALL_REQUESTED, a CALL task «Позвонить» for the lead's
 * assignee (the assignment rules ran before: they observe with a lower priority), due when the
 * client asked ({@code preferred_call_time} read by {@link CallTimeParser} in the company's zone
 * and working hours; words it cannot read keep their text and mean "as soon as possible"). At most
 * one open AI call task per lead: a second request updates the open task's time when the client's
 * words changed. Runs in the turn's unit of work; nothing expected here throws.
 */
@ApplicationScoped
public class CallTasks {

    /** The qualification key with the client's words for the call time. */
    static final String CALL_TIME_FIELD = "preferred_call_time";

    @Inject Clock clock;
    @Inject Event<LiveEvent> live;
    @Inject TenantDirectory directory;

    /** The company's zone, language and working day. */
    record Setup(ZoneId zone, String locale, WorkingHours hours) {}

    void on(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) LeadMilestone m) {
        if (m.milestone() != Milestone.CALL_REQUESTED
                && m.milestone() != Milestone.CALL_TIME_GIVEN) {
            return;
        }
        OffsetDateTime now =
                m.at() != null ? m.at() : OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (m.milestone() == Milestone.CALL_REQUESTED) {
            requested(m.work(), m.leadId(), now);
        } else {
            resync(m.work(), m.leadId(), now);
        }
        LiveEvent changed = new LiveEvent(m.work().tenant().id(), "task.changed", m.leadId(), null);
        m.work().afterCommit(() -> live.fire(changed));
    }

    /** Creates the lead's open AI call task, or brings its time up to the client's words. */
    void requested(TenantWork work, long leadId, OffsetDateTime now) {
        String words = words(work, leadId);
        Setup setup = setup(work);
        OffsetDateTime due = due(words, now, setup);
        OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC);
        Tasks.TaskRow open = openAiCall(work, leadId);
        if (open != null) {
            move(work, open, words, due, at);
            return;
        }
        Object assignee =
                work.sql("SELECT assignee_id FROM leads WHERE id = ?1")
                        .setParameter(1, leadId)
                        .getSingleResult();
        long id =
                Tasks.insert(
                        work,
                        leadId,
                        "CALL",
                        title(setup.locale()),
                        null,
                        due,
                        words,
                        assignee == null ? null : ((Number) assignee).longValue(),
                        "AI",
                        null,
                        at);
        Tasks.TaskRow row = Tasks.find(work, id);
        Tasks.event(
                work,
                row,
                "task.created",
                ActorKind.AI,
                null,
                words == null
                        ? "Клиент просит позвонить: задача «" + row.title() + "» создана"
                        : "Клиент просит позвонить («"
                                + words
                                + "»): задача «"
                                + row.title()
                                + "» создана",
                at);
    }

    /**
     * When the lead has an open AI call task and the client's words for the call time are not the
     * task's any more (the client named a time after asking for the call), moves the task to the
     * new words. Returns whether it changed.
     */
    boolean resync(TenantWork work, long leadId, OffsetDateTime now) {
        Tasks.TaskRow open = openAiCall(work, leadId);
        if (open == null) {
            return false;
        }
        String words = words(work, leadId);
        if (words == null || words.equals(open.dueText())) {
            return false;
        }
        OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC);
        return move(work, open, words, due(words, now, setup(work)), at);
    }

    private static boolean move(
            TenantWork work,
            Tasks.TaskRow open,
            String words,
            OffsetDateTime due,
            OffsetDateTime at) {
        if (words == null || words.equals(open.dueText())) {
            return false;
        }
        work.sql(
                        "UPDATE lead_tasks SET due_at = CAST(?1 AS timestamptz), due_text = ?2,"
                                + " snoozed_until = NULL, updated_at = ?3 WHERE id = ?4")
                .setParameter(1, due)
                .setParameter(2, words)
                .setParameter(3, at)
                .setParameter(4, open.id())
                .executeUpdate();
        Tasks.TaskRow row = Tasks.find(work, open.id());
        Tasks.event(
                work,
                row,
                "task.updated",
                ActorKind.AI,
                null,
                "Клиент назвал время звонка: «" + words + "»",
                at);
        return true;
    }

    /** The client's words for the call time (at most 200 characters), or {@code null}. */
    private static String words(TenantWork work, long leadId) {
        Object said = LeadJson.fields(work, leadId).get(CALL_TIME_FIELD);
        if (said == null || String.valueOf(said).isBlank()) {
            return null;
        }
        String words = String.valueOf(said).strip();
        return words.length() > 200 ? words.substring(0, 200) : words;
    }

    /** The moment the words name (UTC), or {@code null}: as soon as possible. */
    private static OffsetDateTime due(String words, OffsetDateTime now, Setup setup) {
        if (words == null) {
            return null;
        }
        CallTime time =
                CallTimeParser.parse(words, now.atZoneSameInstant(setup.zone()), setup.hours());
        return time == null || time.at() == null ? null : Tasks.utc(time.at());
    }

    /** The title of the AI's call task in the company's language. */
    static String title(String locale) {
        return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("en")
                ? "Call"
                : "Позвонить";
    }

    private static Tasks.TaskRow openAiCall(TenantWork work, long leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql(
                                "SELECT "
                                        + Tasks.TaskRow.COLUMNS
                                        + Tasks.TaskRow.FROM
                                        + " WHERE t.lead_id = ?1 AND t.source = 'AI' AND t.kind = 'CALL'"
                                        + " AND t.done_at IS NULL")
                        .setParameter(1, leadId)
                        .getResultList();
        return rows.isEmpty() ? null : Tasks.TaskRow.of(rows.get(0));
    }

    /** The company's zone and language (its directory entry) and working day (crm_settings). */
    Setup setup(TenantWork work) {
        TenantDirectory.Entry company = directory.of(work.tenantId());
        @SuppressWarnings("unchecked")
        List<Object[]> hours =
                work.sql(
                                "SELECT to_char(work_day_start, 'HH24:MI'), to_char(work_day_end, 'HH24:MI')"
                                        + " FROM crm_settings LIMIT 1")
                        .getResultList();
        WorkingHours day = WorkingHours.DEFAULT;
        if (!hours.isEmpty() && hours.get(0)[0] != null && hours.get(0)[1] != null) {
            day =
                    new WorkingHours(
                            LocalTime.parse((String) hours.get(0)[0]),
                            LocalTime.parse((String) hours.get(0)[1]));
        }
        return new Setup(company.zone(), Objects.toString(company.locale(), "ru"), day);
    }
}
