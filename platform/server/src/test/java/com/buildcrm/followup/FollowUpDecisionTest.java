package com.buildcrm.followup;

import static com.buildcrm.followup.LeadFactsBuilder.aLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.buildcrm.followup.Decision.Cancel;
import com.buildcrm.followup.Decision.Finish;
import com.buildcrm.followup.Decision.Postpone;
import com.buildcrm.followup.Decision.Reason;
import com.buildcrm.followup.Decision.Send;
import com.buildcrm.followup.Decision.SkipDuplicate;
import com.buildcrm.followup.FollowUpPolicy.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What happens when a follow-up step falls due (brief §7, §9; DESIGN §6). */
class FollowUpDecisionTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final FollowUpPolicy DEFAULTS = FollowUpPolicy.defaults(List.of());
    private static final Instant ARMED = at(2026, 11, 26, 12, 0);
    private static final Instant STEP_ONE_DUE = ARMED.plus(Duration.ofMinutes(15));

    private static Decision decide(LeadFactsBuilder lead, int step, Instant now) {
        return FollowUpPlanner.decide(
                DEFAULTS, lead.lastOutboundAt(ARMED).build(), step, now, ALMATY);
    }

    @Test
    void aSilentClientGetsTheFirstStep() {
        assertThat(decide(aLead(), 0, STEP_ONE_DUE)).isEqualTo(new Send("Подскажите, актуально?"));
    }

    @Test
    void followUpIsCancelledWhenClientReplies() {
        assertThat(decide(aLead().replied(), 0, STEP_ONE_DUE))
                .isEqualTo(new Cancel(Reason.CLIENT_REPLIED));
    }

    @Test
    void followUpIsCancelledWhenAManagerTakesOver() {
        assertThat(decide(aLead().takenOver(), 0, STEP_ONE_DUE))
                .isEqualTo(new Cancel(Reason.TAKEN_OVER));
    }

    @Test
    void followUpIsCancelledWhenTheAiHandsTheLeadToAPerson() {
        assertThat(decide(aLead().handedOff(), 0, STEP_ONE_DUE))
                .isEqualTo(new Cancel(Reason.HANDED_OFF));
    }

    @Test
    void followUpIsCancelledWhenAiIsOffForTheTenant() {
        assertThat(decide(aLead().aiOffForTenant(), 0, STEP_ONE_DUE))
                .isEqualTo(new Cancel(Reason.AI_OFF_TENANT));
    }

    @Test
    void followUpIsCancelledWhenAiIsOffForTheLead() {
        assertThat(decide(aLead().aiOffForLead(), 0, STEP_ONE_DUE))
                .isEqualTo(new Cancel(Reason.AI_OFF_LEAD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"WON", "LOST", "won", " Lost "})
    void followUpIsCancelledWhenTheLeadIsWonOrLost(String role) {
        assertThat(decide(aLead().stage(role), 0, STEP_ONE_DUE))
                .isEqualTo(new Cancel(Reason.CLOSED));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"NEW", "IN_PROGRESS", "CALL_REQUESTED", "PARTIAL_DATA", "FULL_DATA", ""})
    void openStagesKeepTheSequence(String role) {
        assertThat(decide(aLead().stage(role), 0, STEP_ONE_DUE)).isInstanceOf(Send.class);
    }

    @Test
    void aCustomStageWithoutRoleKeepsTheSequence() {
        assertThat(decide(aLead().stage(null), 0, STEP_ONE_DUE)).isInstanceOf(Send.class);
    }

    @Test
    void followUpIsCancelledWhenTheClientIsNotInterested() {
        assertThat(decide(aLead().notInterested(), 0, STEP_ONE_DUE))
                .isEqualTo(new Cancel(Reason.NOT_INTERESTED));
    }

    @Test
    void cancellationsAreCheckedInPriorityOrder() {
        LeadFactsBuilder lead =
                aLead().notInterested()
                        .aiOffForLead()
                        .aiOffForTenant()
                        .handedOff()
                        .takenOver()
                        .stage("WON")
                        .replied();
        assertThat(decide(lead, 0, STEP_ONE_DUE)).isEqualTo(new Cancel(Reason.CLIENT_REPLIED));

        lead =
                aLead().notInterested()
                        .aiOffForLead()
                        .aiOffForTenant()
                        .handedOff()
                        .takenOver()
                        .stage("LOST");
        assertThat(decide(lead, 0, STEP_ONE_DUE)).isEqualTo(new Cancel(Reason.CLOSED));

        lead = aLead().notInterested().aiOffForLead().aiOffForTenant().handedOff().takenOver();
        assertThat(decide(lead, 0, STEP_ONE_DUE)).isEqualTo(new Cancel(Reason.TAKEN_OVER));

        lead = aLead().notInterested().aiOffForLead().aiOffForTenant().handedOff();
        assertThat(decide(lead, 0, STEP_ONE_DUE)).isEqualTo(new Cancel(Reason.HANDED_OFF));

        lead = aLead().notInterested().aiOffForLead().aiOffForTenant();
        assertThat(decide(lead, 0, STEP_ONE_DUE)).isEqualTo(new Cancel(Reason.AI_OFF_TENANT));

        lead = aLead().notInterested().aiOffForLead();
        assertThat(decide(lead, 0, STEP_ONE_DUE)).isEqualTo(new Cancel(Reason.AI_OFF_LEAD));
    }

    @Test
    void cancellationWinsOverQuietHoursCapAndTheEndOfSteps() {
        Instant night = at(2026, 11, 26, 23, 30);
        assertThat(decide(aLead().replied(), 0, night))
                .isEqualTo(new Cancel(Reason.CLIENT_REPLIED));
        assertThat(decide(aLead().takenOver().sentInThisSilence(2), 1, STEP_ONE_DUE))
                .isEqualTo(new Cancel(Reason.TAKEN_OVER));
        assertThat(decide(aLead().stage("WON"), 2, STEP_ONE_DUE))
                .isEqualTo(new Cancel(Reason.CLOSED));
    }

    @Test
    void everyReasonHasItsOwnRussianLine() {
        Set<String> lines = new HashSet<>();
        for (Reason reason : Reason.values()) {
            String line = new Cancel(reason).reasonRu();
            assertThat(line)
                    .isEqualTo(reason.reasonRu())
                    .isNotBlank()
                    .containsPattern("[А-Яа-яЁё]");
            lines.add(line);
        }
        assertThat(lines).hasSize(Reason.values().length);
        assertThat(Reason.TAKEN_OVER.reasonRu()).contains("Менеджер");
    }

    @Test
    void afterTheLastStepTheLeadIsLeftAlone() {
        assertThat(decide(aLead().sentInThisSilence(2), 2, at(2026, 11, 26, 13, 30)))
                .isEqualTo(new Finish());
    }

    @Test
    void theCapPerSilenceIsRespected() {
        FollowUpPolicy capOne =
                new FollowUpPolicy(
                        DEFAULTS.steps(), LocalTime.of(21, 0), LocalTime.of(9, 0), 1, 10, 20);
        LeadFacts afterFirst =
                aLead().sentInThisSilence(1)
                        .alreadySent("Подскажите, актуально?")
                        .lastOutboundAt(STEP_ONE_DUE)
                        .build();

        Decision second =
                FollowUpPlanner.decide(capOne, afterFirst, 1, at(2026, 11, 26, 12, 45), ALMATY);

        assertThat(second).isEqualTo(new Finish());
    }

    @Test
    void theCapCountsFollowUpsOfThisSilenceOnly() {
        FollowUpPolicy capOne =
                new FollowUpPolicy(
                        DEFAULTS.steps(), LocalTime.of(21, 0), LocalTime.of(9, 0), 1, 10, 20);
        LeadFacts rearmed = aLead().sentInThisSilence(0).lastOutboundAt(ARMED).build();

        assertThat(FollowUpPlanner.decide(capOne, rearmed, 0, STEP_ONE_DUE, ALMATY))
                .isInstanceOf(Send.class);
    }

    @Test
    void theEndOfStepsIsCheckedBeforeQuietHours() {
        assertThat(decide(aLead(), 2, at(2026, 11, 26, 23, 0))).isEqualTo(new Finish());
    }

    @Test
    void aJobThatRunsAtNightIsPostponedToTheMorning() {
        Instant night = at(2026, 11, 26, 21, 5);

        Decision decision = decide(aLead().id(300), 0, night);

        Instant nine = at(2026, 11, 27, 9, 0);
        assertThat(decision).isInstanceOf(Postpone.class);
        Instant when = ((Postpone) decision).at();
        assertThat(when).isBetween(nine, nine.plus(Duration.ofMinutes(20)).minusNanos(1));
        assertThat(when).isEqualTo(nine.plus(FollowUpPlanner.jitter(20, 300, 0)));
        // Run again at the postponed instant: now it goes out.
        assertThat(decide(aLead().id(300), 0, when)).isInstanceOf(Send.class);
    }

    @Test
    void aStepTooSoonAfterTheLastOutboundMessageIsPostponed() {
        Instant managerTemplate = at(2026, 11, 26, 12, 10);
        LeadFacts lead = aLead().lastOutboundAt(managerTemplate).build();

        Decision decision = FollowUpPlanner.decide(DEFAULTS, lead, 0, STEP_ONE_DUE, ALMATY);

        assertThat(decision).isEqualTo(new Postpone(at(2026, 11, 26, 12, 20)));
        assertThat(FollowUpPlanner.decide(DEFAULTS, lead, 0, at(2026, 11, 26, 12, 20), ALMATY))
                .isInstanceOf(Send.class);
    }

    @Test
    void spacingThatRunsIntoQuietHoursPostponesToTheMorning() {
        Instant lastOutbound = at(2026, 11, 26, 20, 55);
        LeadFacts lead = aLead().id(8).lastOutboundAt(lastOutbound).build();

        Decision decision =
                FollowUpPlanner.decide(DEFAULTS, lead, 0, at(2026, 11, 26, 20, 58), ALMATY);

        Instant nine = at(2026, 11, 27, 9, 0);
        assertThat(decision).isEqualTo(new Postpone(nine.plus(FollowUpPlanner.jitter(20, 8, 0))));
    }

    @Test
    void quietHoursAreJudgedInTheTenantsZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant now = Instant.parse("2026-11-26T18:00:00Z"); // 23:00 in Almaty, 13:00 in New York
        LeadFacts lead = aLead().lastOutboundAt(now.minus(Duration.ofMinutes(15))).build();

        assertThat(FollowUpPlanner.decide(DEFAULTS, lead, 0, now, ALMATY))
                .isInstanceOf(Postpone.class);
        assertThat(FollowUpPlanner.decide(DEFAULTS, lead, 0, now, newYork))
                .isInstanceOf(Send.class);
    }

    @Test
    void theSameTextIsNeverSentTwiceToOneLead() {
        LeadFactsBuilder lead = aLead().alreadySent("Подскажите, актуально?");
        assertThat(decide(lead, 0, STEP_ONE_DUE)).isEqualTo(new SkipDuplicate());
        assertThat(decide(lead, 1, at(2026, 11, 26, 12, 45)))
                .isEqualTo(new Send("Когда удобно созвониться?"));
    }

    @Test
    void duplicatesAreFoundIgnoringCaseAndSpacing() {
        LeadFactsBuilder lead = aLead().alreadySent("  подскажите,   АКТУАЛЬНО?\n");
        assertThat(decide(lead, 0, STEP_ONE_DUE)).isEqualTo(new SkipDuplicate());
    }

    @Test
    void aStepSentWithTheNameIsNotRepeatedWithoutItOrWithAnother() {
        FollowUpPolicy named =
                new FollowUpPolicy(
                        List.of(
                                new Step(15, "Подскажите, {name}, актуально?"),
                                new Step(45, "Когда удобно созвониться?")),
                        LocalTime.of(21, 0),
                        LocalTime.of(9, 0),
                        2,
                        10,
                        20);
        LeadFacts sentWithName =
                aLead().alreadySent("Подскажите, Айгерим, актуально?")
                        .lastOutboundAt(ARMED)
                        .build();
        LeadFacts renamed =
                aLead().named("Айгерим Сериковна")
                        .alreadySent("Подскажите, Айгерим, актуально?")
                        .lastOutboundAt(ARMED)
                        .build();
        LeadFacts sentWithoutName =
                aLead().named("Айгерим")
                        .alreadySent("Подскажите, актуально?")
                        .lastOutboundAt(ARMED)
                        .build();

        assertThat(FollowUpPlanner.decide(named, sentWithName, 0, STEP_ONE_DUE, ALMATY))
                .isEqualTo(new SkipDuplicate());
        assertThat(FollowUpPlanner.decide(named, renamed, 0, STEP_ONE_DUE, ALMATY))
                .isEqualTo(new SkipDuplicate());
        assertThat(FollowUpPlanner.decide(named, sentWithoutName, 0, STEP_ONE_DUE, ALMATY))
                .isEqualTo(new SkipDuplicate());
    }

    @Test
    void theClientsNameIsPutIntoTheText() {
        FollowUpPolicy named =
                new FollowUpPolicy(
                        List.of(new Step(15, "Подскажите, {name}, актуально?")),
                        LocalTime.of(21, 0),
                        LocalTime.of(9, 0),
                        1,
                        10,
                        20);
        LeadFacts known = aLead().named("Айгерим").lastOutboundAt(ARMED).build();
        LeadFacts unknown = aLead().lastOutboundAt(ARMED).build();

        assertThat(FollowUpPlanner.decide(named, known, 0, STEP_ONE_DUE, ALMATY))
                .isEqualTo(new Send("Подскажите, Айгерим, актуально?"));
        assertThat(FollowUpPlanner.decide(named, unknown, 0, STEP_ONE_DUE, ALMATY))
                .isEqualTo(new Send("Подскажите, актуально?"));
    }

    @Test
    void anOtherStepsTextDoesNotCountAsADuplicate() {
        LeadFactsBuilder lead = aLead().alreadySent("Когда удобно созвониться?", "Здравствуйте!");
        assertThat(decide(lead, 0, STEP_ONE_DUE)).isEqualTo(new Send("Подскажите, актуально?"));
    }

    @Test
    void aNegativeStepIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> decide(aLead(), -1, STEP_ONE_DUE));
    }

    /** A silence played out with a fixed clock, the way the scheduler job will drive it. */
    @Test
    void aWholeSilenceEndsWithDidNotAnswer() {
        Set<String> sent = new HashSet<>();
        Instant lastOutbound = ARMED;
        int sentInSilence = 0;
        StringBuilder log = new StringBuilder();

        int step = 0;
        Instant now = FollowUpPlanner.dueAt(DEFAULTS, ALMATY, ARMED, step, lastOutbound, 42);
        for (int guard = 0; guard < 10; guard++) {
            LeadFacts lead =
                    aLead().alreadySent(sent.toArray(String[]::new))
                            .sentInThisSilence(sentInSilence)
                            .lastOutboundAt(lastOutbound)
                            .build();
            Decision decision = FollowUpPlanner.decide(DEFAULTS, lead, step, now, ALMATY);
            log.append(decision.getClass().getSimpleName()).append(' ');
            if (decision instanceof Send send) {
                sent.add(send.text());
                lastOutbound = now;
                sentInSilence++;
                step++;
                if (step < DEFAULTS.steps().size()) {
                    now = FollowUpPlanner.dueAt(DEFAULTS, ALMATY, ARMED, step, lastOutbound, 42);
                }
            } else {
                break;
            }
        }

        assertThat(log.toString().trim()).isEqualTo("Send Send Finish");
        assertThat(sent)
                .containsExactlyInAnyOrder("Подскажите, актуально?", "Когда удобно созвониться?");
    }

    @Test
    void aSequenceArmedLateInTheEveningSendsOneStepThenWaitsForTheMorning() {
        Instant armed = at(2026, 11, 26, 20, 30);
        Instant first = FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 0, armed, 42);
        assertThat(first).isEqualTo(at(2026, 11, 26, 20, 45));
        LeadFacts afterFirst =
                aLead().alreadySent("Подскажите, актуально?")
                        .sentInThisSilence(1)
                        .lastOutboundAt(first)
                        .build();

        Instant second = FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 1, first, 42);

        Instant nine = at(2026, 11, 27, 9, 0);
        assertThat(second).isBetween(nine, nine.plus(Duration.ofMinutes(20)).minusNanos(1));
        assertThat(FollowUpPlanner.decide(DEFAULTS, afterFirst, 1, second, ALMATY))
                .isEqualTo(new Send("Когда удобно созвониться?"));
    }

    @Test
    void aReArmedSequenceDoesNotRepeatTextsFromTheLastSilence() {
        Set<String> alreadySent = Set.of("Подскажите, актуально?", "Когда удобно созвониться?");
        Instant rearmed = at(2026, 11, 27, 10, 0);
        LeadFacts lead =
                aLead().alreadySent(alreadySent.toArray(String[]::new))
                        .lastOutboundAt(rearmed)
                        .build();

        List<Decision> decisions =
                Arrays.asList(
                        FollowUpPlanner.decide(
                                DEFAULTS, lead, 0, rearmed.plus(Duration.ofMinutes(15)), ALMATY),
                        FollowUpPlanner.decide(
                                DEFAULTS, lead, 1, rearmed.plus(Duration.ofMinutes(45)), ALMATY),
                        FollowUpPlanner.decide(
                                DEFAULTS, lead, 2, rearmed.plus(Duration.ofMinutes(45)), ALMATY));

        assertThat(
                        decisions.stream()
                                .map(d -> d.getClass().getSimpleName())
                                .collect(Collectors.joining(" ")))
                .isEqualTo("SkipDuplicate SkipDuplicate Finish");
    }

    private static Instant at(int y, int mo, int d, int h, int mi) {
        return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, ALMATY).toInstant();
    }
}
