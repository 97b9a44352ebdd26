package com.buildcrm.nextaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextActionPlannerTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final PlannerSettings SETTINGS = new PlannerSettings(3, ALMATY, RU);
    private static final PlannerSettings ENGLISH = new PlannerSettings(3, ALMATY, Locale.ENGLISH);

    /** Wednesday 2026-12-02 14:00 in Almaty. */
    private static final Instant NOW = local(ALMATY, 2026, 12, 2, 14, 0);

    // ---- a lead builder: a quiet, assigned lead with nothing to do ----

    private static final class Lead {
        int score = 50;
        boolean hot;
        boolean finalStage;
        boolean callRequested;
        boolean needsHuman;
        boolean humanLed;
        Long assigneeId = 7L;
        Instant lastClientMessageAt;
        Instant lastOutboundAt;
        Instant lastActivityAt = NOW.minus(Duration.ofHours(1));
        boolean followUpsExhausted;
        boolean decidedSinceExhausted;
        final List<OpenTask> tasks = new ArrayList<>();
        Instant snoozedUntil;

        LeadSituation build() {
            return new LeadSituation(
                    1L,
                    score,
                    hot,
                    finalStage,
                    callRequested,
                    needsHuman,
                    humanLed,
                    assigneeId,
                    lastClientMessageAt,
                    lastOutboundAt,
                    lastActivityAt,
                    followUpsExhausted,
                    decidedSinceExhausted,
                    tasks,
                    snoozedUntil);
        }

        Lead call(long id, Instant due) {
            tasks.add(new OpenTask(id, true, "Позвонить", due, null, 7L, null));
            return this;
        }

        Lead todo(long id, String title, Instant due) {
            tasks.add(new OpenTask(id, false, title, due, null, 7L, null));
            return this;
        }
    }

    private static Optional<NextAction> plan(Lead lead) {
        return NextActionPlanner.plan(lead.build(), NOW, SETTINGS);
    }

    private static NextAction only(Lead lead) {
        return plan(lead).orElseThrow();
    }

    private static NextAction only(Lead lead, PlannerSettings settings) {
        return NextActionPlanner.plan(lead.build(), NOW, settings).orElseThrow();
    }

    private static Instant minutes(long m) {
        return NOW.plus(Duration.ofMinutes(m));
    }

    private static Instant local(ZoneId zone, int y, int mo, int d, int h, int mi) {
        return LocalDateTime.of(y, mo, d, h, mi).atZone(zone).toInstant();
    }

    // ---- nothing to do ----

    @Test
    void aQuietLeadHasNoNextAction() {
        assertThat(plan(new Lead())).isEmpty();
    }

    @Test
    void aFinalStageLeadHasNothingEvenWhenEverythingElseApplies() {
        Lead lead = new Lead();
        lead.finalStage = true;
        lead.needsHuman = true;
        lead.hot = true;
        lead.assigneeId = null;
        lead.call(1, minutes(-30));
        lead.lastActivityAt = NOW.minus(Duration.ofDays(10));
        assertThat(plan(lead)).isEmpty();
    }

    @Test
    void aSnoozedLeadHasNothingUntilTheSnoozeEnds() {
        Lead lead = new Lead();
        lead.needsHuman = true;
        lead.lastClientMessageAt = minutes(-5);
        lead.snoozedUntil = minutes(1);
        assertThat(plan(lead)).isEmpty();
        lead.snoozedUntil = NOW;
        assertThat(plan(lead)).map(NextAction::kind).contains(NextActionKind.CLIENT_WAITING);
        lead.snoozedUntil = minutes(-1);
        assertThat(plan(lead)).isPresent();
    }

    // ---- CLIENT_WAITING ----

    @Test
    void needsHumanMeansTheClientWaitsAndUrgencyGrowsWithTheWait() {
        Lead lead = new Lead();
        lead.needsHuman = true;
        lead.lastClientMessageAt = minutes(-12);
        lead.lastOutboundAt = minutes(-11);
        NextAction action = only(lead);
        assertThat(action.kind()).isEqualTo(NextActionKind.CLIENT_WAITING);
        assertThat(action.reason()).isEqualTo("Клиент ждёт ответа 12 мин");
        assertThat(action.urgency()).isEqualTo(82);
        assertThat(action.dueAt()).isEqualTo(minutes(-12));
        assertThat(action.taskId()).isNull();

        lead.lastClientMessageAt = NOW;
        assertThat(only(lead).urgency()).isEqualTo(70);
        assertThat(only(lead).reason()).isEqualTo("Клиент ждёт ответа меньше минуты");
        lead.lastClientMessageAt = minutes(-29);
        assertThat(only(lead).urgency()).isEqualTo(99);
        lead.lastClientMessageAt = minutes(-30);
        assertThat(only(lead).urgency()).isEqualTo(100);
        lead.lastClientMessageAt = minutes(-65);
        assertThat(only(lead).urgency()).isEqualTo(100);
        assertThat(only(lead).reason()).isEqualTo("Клиент ждёт ответа 1 ч 5 мин");
        assertThat(only(lead, ENGLISH).reason()).isEqualTo("Client waiting for a reply: 1 h 5 min");
        lead.lastClientMessageAt = minutes(-120);
        assertThat(only(lead).reason()).isEqualTo("Клиент ждёт ответа 2 ч");
        lead.lastClientMessageAt = NOW.minus(Duration.ofHours(50));
        assertThat(only(lead).reason()).isEqualTo("Клиент ждёт ответа 2 дня 2 ч");
    }

    @Test
    void needsHumanWithoutAKnownMessageStillWaits() {
        Lead lead = new Lead();
        lead.needsHuman = true;
        NextAction action = only(lead);
        assertThat(action.reason()).isEqualTo("Клиент ждёт ответа");
        assertThat(action.urgency()).isEqualTo(70);
        assertThat(action.dueAt()).isNull();
    }

    @Test
    void aHumanLedLeadWaitsOnlyWhenTheClientWroteLast() {
        Lead lead = new Lead();
        lead.humanLed = true;
        lead.lastClientMessageAt = minutes(-12);
        lead.lastOutboundAt = minutes(-5);
        assertThat(plan(lead)).isEmpty();
        lead.lastOutboundAt = minutes(-12);
        assertThat(plan(lead)).as("same instant: answered").isEmpty();
        lead.lastOutboundAt = minutes(-13);
        assertThat(only(lead).kind()).isEqualTo(NextActionKind.CLIENT_WAITING);
        lead.lastOutboundAt = null;
        assertThat(only(lead).reason()).isEqualTo("Клиент ждёт ответа 12 мин");
        lead.humanLed = false;
        assertThat(plan(lead)).as("the AI answers an AI-led lead").isEmpty();
    }

    // ---- CALL_DUE ----

    @Test
    void aCallWithinTheHourIsDueAndTheLastTenMinutesRankHigher() {
        Lead lead = new Lead().call(5, local(ALMATY, 2026, 12, 2, 14, 10));
        NextAction action = only(lead);
        assertThat(action.kind()).isEqualTo(NextActionKind.CALL_DUE);
        assertThat(action.reason()).isEqualTo("Звонок на 14:10 — через 10 мин");
        assertThat(action.urgency()).isEqualTo(90);
        assertThat(action.taskId()).isEqualTo(5L);
        assertThat(action.dueAt()).isEqualTo(minutes(10));

        assertThat(only(new Lead().call(5, minutes(11))).urgency()).isEqualTo(75);
        assertThat(only(new Lead().call(5, minutes(59))).reason())
                .isEqualTo("Звонок на 14:59 — через 59 мин");
        assertThat(only(new Lead().call(5, minutes(60))).reason())
                .isEqualTo("Звонок на 15:00 — через 1 ч");
        assertThat(plan(new Lead().call(5, minutes(61)))).isEmpty();
        assertThat(plan(new Lead().call(5, minutes(60).plusSeconds(1)))).isEmpty();
    }

    @Test
    void anOverdueCallIsMoreUrgentThanAnyComingOne() {
        NextAction action = only(new Lead().call(5, minutes(-25)));
        assertThat(action.reason()).isEqualTo("Звонок на 13:35 — просрочен на 25 мин");
        assertThat(action.urgency()).isEqualTo(95);
        assertThat(only(new Lead().call(5, NOW)).reason()).isEqualTo("Звонок на 14:00 — сейчас");
        assertThat(only(new Lead().call(5, NOW)).urgency()).isEqualTo(95);
        assertThat(only(new Lead().call(5, minutes(-25)), ENGLISH).reason())
                .isEqualTo("Call at 13:35 — 25 min overdue");
        assertThat(only(new Lead().call(5, minutes(10)), ENGLISH).reason())
                .isEqualTo("Call at 14:10 — in 10 min");
    }

    @Test
    void aCallOnAnotherDaySaysTheDay() {
        Lead yesterday = new Lead().call(5, local(ALMATY, 2026, 12, 1, 14, 0));
        assertThat(only(yesterday).reason())
                .isEqualTo("Звонок вчера в 14:00 — просрочен на 1 день");
        assertThat(only(yesterday, ENGLISH).reason())
                .isEqualTo("Call yesterday at 14:00 — 1 day overdue");
        Lead lastFriday = new Lead().call(5, local(ALMATY, 2026, 11, 27, 10, 0));
        assertThat(only(lastFriday).reason())
                .isEqualTo("Звонок 27.11 в 10:00 — просрочен на 5 дней 4 ч");

        Instant lateNight = local(ALMATY, 2026, 12, 2, 23, 40);
        LeadSituation afterMidnight = new Lead().call(5, local(ALMATY, 2026, 12, 3, 0, 20)).build();
        assertThat(
                        NextActionPlanner.plan(afterMidnight, lateNight, SETTINGS)
                                .orElseThrow()
                                .reason())
                .isEqualTo("Звонок на завтра 00:20 — через 40 мин");
        assertThat(NextActionPlanner.plan(afterMidnight, lateNight, ENGLISH).orElseThrow().reason())
                .isEqualTo("Call tomorrow at 00:20 — in 40 min");
    }

    @Test
    void aCallWithoutATimeIsAsSoonAsPossibleAndQuotesTheClient() {
        Lead lead = new Lead();
        lead.tasks.add(new OpenTask(9, true, "Позвонить", null, "завтра после обеда", 7L, null));
        NextAction action = only(lead);
        assertThat(action.kind()).isEqualTo(NextActionKind.CALL_DUE);
        assertThat(action.urgency()).isEqualTo(92);
        assertThat(action.dueAt()).isNull();
        assertThat(action.taskId()).isEqualTo(9L);
        assertThat(action.reason())
                .isEqualTo(
                        "Клиент просит позвонить — как можно скорее. Клиент просил: «завтра после обеда»");
        assertThat(only(lead, ENGLISH).reason())
                .isEqualTo(
                        "Client asks for a call — as soon as possible. Client said: \"завтра после обеда\"");
    }

    @Test
    void aCallRequestWithoutACallTaskIsAsSoonAsPossible() {
        Lead lead = new Lead();
        lead.callRequested = true;
        NextAction action = only(lead);
        assertThat(action.kind()).isEqualTo(NextActionKind.CALL_DUE);
        assertThat(action.reason()).isEqualTo("Клиент просит позвонить — как можно скорее");
        assertThat(action.taskId()).isNull();

        lead.call(5, minutes(24 * 60));
        assertThat(plan(lead)).as("a call task for tomorrow answers the request").isEmpty();
    }

    @Test
    void snoozedTasksAreSkipped() {
        Lead lead = new Lead();
        lead.callRequested = true;
        lead.tasks.add(new OpenTask(5, true, "Позвонить", minutes(-5), null, 7L, minutes(10)));
        lead.tasks.add(new OpenTask(6, false, "КП", minutes(-5), null, 7L, minutes(10)));
        assertThat(plan(lead)).isEmpty();
        LeadSituation later = lead.build();
        assertThat(NextActionPlanner.plan(later, minutes(10), SETTINGS))
                .map(NextAction::taskId)
                .contains(5L);
    }

    // ---- TASK_DUE ----

    @Test
    void aTaskIsDueWhenOverdueOrWithinAQuarterOfAnHour() {
        NextAction overdue = only(new Lead().todo(3, "Отправить КП", minutes(-120)));
        assertThat(overdue.kind()).isEqualTo(NextActionKind.TASK_DUE);
        assertThat(overdue.reason()).isEqualTo("Задача «Отправить КП» — просрочена на 2 ч");
        assertThat(overdue.urgency()).isEqualTo(65);
        assertThat(overdue.taskId()).isEqualTo(3L);

        NextAction soon = only(new Lead().todo(3, "Отправить КП", minutes(10)));
        assertThat(soon.reason()).isEqualTo("Задача «Отправить КП» — через 10 мин");
        assertThat(soon.urgency()).isEqualTo(50);
        assertThat(only(new Lead().todo(3, "Отправить КП", minutes(15))).urgency()).isEqualTo(50);
        assertThat(plan(new Lead().todo(3, "Отправить КП", minutes(16)))).isEmpty();
        assertThat(only(new Lead().todo(3, "Отправить КП", NOW)).reason())
                .isEqualTo("Задача «Отправить КП» — сейчас");
        assertThat(only(new Lead().todo(3, "Отправить КП", null)).reason())
                .isEqualTo("Задача «Отправить КП» — как можно скорее");
        assertThat(only(new Lead().todo(3, "Send the quote", minutes(-120)), ENGLISH).reason())
                .isEqualTo("Task \"Send the quote\" — 2 h overdue");
    }

    @Test
    void theMostUrgentTaskWins() {
        Lead lead =
                new Lead()
                        .todo(1, "Позже", minutes(10))
                        .todo(2, "Давно", minutes(-300))
                        .todo(3, "Недавно", minutes(-5));
        assertThat(only(lead).taskId()).as("equal urgency: the earlier due").isEqualTo(2L);
    }

    // ---- HOT_UNASSIGNED, NO_ANSWER, STALE ----

    @Test
    void aHotLeadWithoutAnAssignee() {
        Lead lead = new Lead();
        lead.hot = true;
        lead.assigneeId = null;
        NextAction action = only(lead);
        assertThat(action.kind()).isEqualTo(NextActionKind.HOT_UNASSIGNED);
        assertThat(action.reason()).isEqualTo("Горячий лид без ответственного");
        assertThat(action.urgency()).isEqualTo(60);
        lead.assigneeId = 3L;
        assertThat(plan(lead)).isEmpty();
        lead.assigneeId = null;
        lead.hot = false;
        assertThat(plan(lead)).isEmpty();
    }

    @Test
    void exhaustedFollowUpsAskForADecisionUntilSomeoneDecides() {
        Lead lead = new Lead();
        lead.followUpsExhausted = true;
        NextAction action = only(lead);
        assertThat(action.kind()).isEqualTo(NextActionKind.NO_ANSWER);
        assertThat(action.reason())
                .isEqualTo("Клиент не ответил на напоминания — решите, что дальше");
        assertThat(action.urgency()).isEqualTo(40);
        lead.decidedSinceExhausted = true;
        assertThat(plan(lead)).isEmpty();
    }

    @Test
    void staleAfterExactlyTheTenantsDays() {
        Lead lead = new Lead();
        lead.lastActivityAt = NOW.minus(Duration.ofDays(3)).plusSeconds(1);
        assertThat(plan(lead)).isEmpty();
        lead.lastActivityAt = NOW.minus(Duration.ofDays(3));
        NextAction action = only(lead);
        assertThat(action.kind()).isEqualTo(NextActionKind.STALE);
        assertThat(action.reason()).isEqualTo("Нет активности 3 дня");
        assertThat(action.urgency()).isEqualTo(30);
        assertThat(action.dueAt()).isEqualTo(NOW);
        lead.lastActivityAt = NOW.minus(Duration.ofDays(5)).minus(Duration.ofHours(3));
        assertThat(only(lead).reason()).isEqualTo("Нет активности 5 дней");
        assertThat(only(lead, ENGLISH).reason()).isEqualTo("No activity for 5 days");
        lead.lastActivityAt = NOW.minus(Duration.ofDays(21));
        assertThat(only(lead).reason()).isEqualTo("Нет активности 21 день");
        lead.lastActivityAt = null;
        assertThat(plan(lead)).isEmpty();

        Lead oneDay = new Lead();
        oneDay.lastActivityAt = NOW.minus(Duration.ofDays(1));
        PlannerSettings daily = new PlannerSettings(1, ALMATY, RU);
        assertThat(NextActionPlanner.plan(oneDay.build(), NOW, daily).orElseThrow().reason())
                .isEqualTo("Нет активности 1 день");
        assertThat(
                        NextActionPlanner.plan(
                                        oneDay.build(),
                                        NOW,
                                        new PlannerSettings(1, ALMATY, Locale.ENGLISH))
                                .orElseThrow()
                                .reason())
                .isEqualTo("No activity for 1 day");
    }

    @Test
    void russianPluralsOfDays() {
        Reasons ru = Reasons.of(RU, ALMATY);
        assertThat(ru.days(1)).isEqualTo("1 день");
        assertThat(ru.days(2)).isEqualTo("2 дня");
        assertThat(ru.days(4)).isEqualTo("4 дня");
        assertThat(ru.days(5)).isEqualTo("5 дней");
        assertThat(ru.days(11)).isEqualTo("11 дней");
        assertThat(ru.days(12)).isEqualTo("12 дней");
        assertThat(ru.days(21)).isEqualTo("21 день");
        assertThat(ru.days(22)).isEqualTo("22 дня");
        assertThat(ru.days(111)).isEqualTo("111 дней");
        assertThat(Reasons.of(null, ALMATY).days(2)).as("Russian by default").isEqualTo("2 дня");
    }

    // ---- precedence on one lead ----

    @Test
    void precedenceOnOneLead() {
        Lead lead = new Lead();
        lead.lastActivityAt = NOW.minus(Duration.ofDays(10));
        assertThat(only(lead).kind()).isEqualTo(NextActionKind.STALE);
        lead.followUpsExhausted = true;
        assertThat(only(lead).kind()).isEqualTo(NextActionKind.NO_ANSWER);
        lead.todo(1, "КП", minutes(10));
        assertThat(only(lead).kind()).isEqualTo(NextActionKind.TASK_DUE);
        lead.hot = true;
        lead.assigneeId = null;
        assertThat(only(lead).kind()).isEqualTo(NextActionKind.HOT_UNASSIGNED);
        lead.todo(2, "Договор", minutes(-10));
        assertThat(only(lead).taskId()).isEqualTo(2L);
        lead.humanLed = true;
        lead.lastClientMessageAt = NOW;
        assertThat(only(lead).kind()).isEqualTo(NextActionKind.CLIENT_WAITING);
        lead.call(3, minutes(30));
        assertThat(only(lead).kind())
                .as("a call in 30 min (75) beats a client who just wrote (70)")
                .isEqualTo(NextActionKind.CALL_DUE);
        lead.lastClientMessageAt = minutes(-10);
        assertThat(only(lead).kind()).isEqualTo(NextActionKind.CLIENT_WAITING);
        lead.call(4, minutes(5));
        assertThat(only(lead).taskId()).isEqualTo(4L);
        lead.call(5, minutes(-5));
        assertThat(only(lead).taskId()).isEqualTo(5L);
        lead.lastClientMessageAt = minutes(-30);
        assertThat(only(lead).kind())
                .as("a client waiting half an hour beats everything")
                .isEqualTo(NextActionKind.CLIENT_WAITING);
        assertThat(only(lead).urgency()).isEqualTo(100);
    }

    // ---- ranking across leads ----

    @Test
    void rankingByUrgencyThenScoreThenDueThenLead() {
        NextAction urgent = new NextAction(NextActionKind.CALL_DUE, 95, "a", minutes(-5), 1L);
        NextAction waitingEarly =
                new NextAction(NextActionKind.CLIENT_WAITING, 80, "b", minutes(-10), null);
        NextAction waitingLate =
                new NextAction(NextActionKind.CLIENT_WAITING, 80, "c", minutes(-9), null);
        NextAction noDue = new NextAction(NextActionKind.HOT_UNASSIGNED, 80, "d", null, null);
        NextAction stale = new NextAction(NextActionKind.STALE, 30, "e", minutes(-1), null);
        List<NextActionPlanner.Ranked> ranked =
                NextActionPlanner.rank(
                        List.of(
                                new NextActionPlanner.Ranked(1, 90, stale),
                                new NextActionPlanner.Ranked(2, 10, waitingEarly),
                                new NextActionPlanner.Ranked(3, 60, waitingLate),
                                new NextActionPlanner.Ranked(4, 60, waitingEarly),
                                new NextActionPlanner.Ranked(5, 0, urgent),
                                new NextActionPlanner.Ranked(6, 10, noDue),
                                new NextActionPlanner.Ranked(7, 60, waitingEarly)));
        assertThat(ranked)
                .extracting(NextActionPlanner.Ranked::leadId)
                .containsExactly(5L, 4L, 7L, 3L, 6L, 2L, 1L);
    }

    // ---- another zone ----

    @Test
    void timesAreLocalToTheTenantsZone() {
        PlannerSettings newYork = new PlannerSettings(3, NEW_YORK, RU);
        Instant now = local(NEW_YORK, 2026, 12, 2, 9, 0);
        LeadSituation lead = new Lead().call(5, local(NEW_YORK, 2026, 12, 2, 9, 45)).build();
        assertThat(NextActionPlanner.plan(lead, now, newYork).orElseThrow().reason())
                .isEqualTo("Звонок на 09:45 — через 45 мин");
        assertThat(NextActionPlanner.plan(lead, now, SETTINGS).orElseThrow().reason())
                .as("the same call read in Almaty")
                .isEqualTo("Звонок на 19:45 — через 45 мин");
        LeadSituation yesterday = new Lead().call(5, local(NEW_YORK, 2026, 12, 1, 23, 30)).build();
        assertThat(NextActionPlanner.plan(yesterday, now, newYork).orElseThrow().reason())
                .isEqualTo("Звонок вчера в 23:30 — просрочен на 9 ч 30 мин");
    }
}
