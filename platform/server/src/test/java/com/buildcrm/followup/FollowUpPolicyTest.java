package com.buildcrm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.buildcrm.followup.FollowUpPolicy.Step;
import com.buildcrm.plugin.api.FollowUpText;
import com.buildcrm.web.FieldError;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpPolicyTest {

    private static FollowUpPolicy withSteps(Step... steps) {
        return new FollowUpPolicy(
                Arrays.asList(steps), LocalTime.of(21, 0), LocalTime.of(9, 0), 2, 10, 20);
    }

    private static FollowUpPolicy valid() {
        return withSteps(
                new Step(15, "Подскажите, актуально?"), new Step(45, "Когда удобно созвониться?"));
    }

    private static List<String> fields(FollowUpPolicy policy) {
        return policy.validate().stream().map(FieldError::field).toList();
    }

    @Test
    void withoutPackTextsTheBriefsTwoStepsApply() {
        FollowUpPolicy policy = FollowUpPolicy.defaults(List.of());

        assertThat(policy.steps())
                .containsExactly(
                        new Step(15, "Подскажите, актуально?"),
                        new Step(45, "Когда удобно созвониться?"));
        assertThat(policy.quietFrom()).isEqualTo(LocalTime.of(21, 0));
        assertThat(policy.quietTo()).isEqualTo(LocalTime.of(9, 0));
        assertThat(policy.capPerSilence()).isEqualTo(2);
        assertThat(policy.minSpacingMinutes()).isEqualTo(10);
        assertThat(policy.jitterMinutes()).isEqualTo(20);
        assertThat(policy.validate()).isEmpty();
        assertThat(FollowUpPolicy.defaults(null)).isEqualTo(policy);
    }

    @Test
    void thePacksTextsBecomeTheDefaultSteps() {
        FollowUpPolicy policy =
                FollowUpPolicy.defaults(
                        List.of(
                                new FollowUpText(20, "{name}, вы ещё выбираете окна?"),
                                new FollowUpText(60, "Могу прислать расчёт?"),
                                new FollowUpText(1440, "Напомню о себе: замер бесплатный.")));

        assertThat(policy.steps())
                .extracting(Step::delayMinutes, Step::text)
                .containsExactly(
                        tuple(20, "{name}, вы ещё выбираете окна?"),
                        tuple(60, "Могу прислать расчёт?"),
                        tuple(1440, "Напомню о себе: замер бесплатный."));
        assertThat(policy.capPerSilence()).isEqualTo(3);
        assertThat(policy.validate()).isEmpty();
    }

    @Test
    void aPackWithMoreThanTenStepsIsCutToTen() {
        List<FollowUpText> texts = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            texts.add(new FollowUpText(i * 10, "Шаг " + i));
        }
        FollowUpPolicy policy = FollowUpPolicy.defaults(texts);

        assertThat(policy.steps()).hasSize(10);
        assertThat(policy.capPerSilence()).isEqualTo(10);
        assertThat(policy.validate()).isEmpty();
    }

    @Test
    void theStepsCannotBeChangedFromOutside() {
        List<Step> steps = new ArrayList<>(List.of(new Step(15, "Актуально?")));
        FollowUpPolicy policy =
                new FollowUpPolicy(steps, LocalTime.of(21, 0), LocalTime.of(9, 0), 1, 10, 20);
        steps.add(new Step(30, "Ещё"));

        assertThat(policy.steps()).hasSize(1);
    }

    @Test
    void missingValuesBecomeEmptyStepsAndDefaultQuietHours() {
        FollowUpPolicy policy = new FollowUpPolicy(null, null, null, 1, 10, 20);

        assertThat(policy.steps()).isEmpty();
        assertThat(policy.quietFromText()).isEqualTo("21:00");
        assertThat(policy.quietToText()).isEqualTo("09:00");
        assertThat(fields(policy)).containsExactly("steps");
    }

    @Test
    void quietHoursReadAndWriteAsHoursAndMinutes() {
        FollowUpPolicy policy =
                new FollowUpPolicy(
                        valid().steps(),
                        FollowUpPolicy.parseTime("22:30"),
                        FollowUpPolicy.parseTime(" 08:15 "),
                        2,
                        10,
                        20);

        assertThat(policy.quietFromText()).isEqualTo("22:30");
        assertThat(policy.quietToText()).isEqualTo("08:15");
        assertThat(policy.quietHours())
                .isEqualTo(new QuietHours(LocalTime.of(22, 30), LocalTime.of(8, 15)));
    }

    @Test
    void aValidPolicyHasNoErrors() {
        assertThat(valid().validate()).isEmpty();
    }

    @Test
    void noStepsIsAnError() {
        assertThat(withSteps().validate())
                .containsExactly(new FieldError("steps", "at least one step"));
    }

    @Test
    void moreThanTenStepsIsAnError() {
        Step[] steps = new Step[11];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new Step((i + 1) * 10, "Текст " + i);
        }
        assertThat(fields(withSteps(steps))).containsExactly("steps");
    }

    @Test
    void delaysMustBeWithinAWeek() {
        FollowUpPolicy policy =
                withSteps(new Step(0, "Раз"), new Step(10_081, "Два"), new Step(-5, "Три"));

        assertThat(fields(policy))
                .containsExactly(
                        "steps[0].delayMinutes", "steps[1].delayMinutes", "steps[2].delayMinutes");
        assertThat(fields(withSteps(new Step(1, "Раз"), new Step(10_080, "Два")))).isEmpty();
    }

    @Test
    void delaysMustStrictlyIncrease() {
        FollowUpPolicy policy =
                withSteps(
                        new Step(15, "Раз"),
                        new Step(15, "Два"),
                        new Step(10, "Три"),
                        new Step(45, "Четыре"));

        assertThat(policy.validate())
                .extracting(FieldError::field)
                .containsExactly("steps[1].delayMinutes", "steps[2].delayMinutes");
        assertThat(policy.validate().get(0).message()).contains("15");
    }

    @Test
    void textsMustBePresentAndShortEnough() {
        FollowUpPolicy policy =
                withSteps(
                        new Step(15, " "),
                        new Step(30, null),
                        new Step(45, "я".repeat(1001)),
                        new Step(60, "я".repeat(1000)));

        assertThat(fields(policy))
                .containsExactly("steps[0].text", "steps[1].text", "steps[2].text");
    }

    @Test
    void aTextOfOnlyTheNamePlaceholderIsAnError() {
        assertThat(fields(withSteps(new Step(15, "{name}"), new Step(30, "{name}!"))))
                .containsExactly("steps[0].text", "steps[1].text");
    }

    @Test
    void textsMustDifferEvenInCaseAndSpacing() {
        FollowUpPolicy policy =
                withSteps(
                        new Step(15, "Подскажите, актуально?"),
                        new Step(30, "  подскажите,   АКТУАЛЬНО? "));

        assertThat(policy.validate())
                .containsExactly(
                        new FieldError("steps[1].text", "the same text as an earlier step"));
    }

    @Test
    void aMissingStepIsAnError() {
        assertThat(fields(withSteps(new Step(15, "Раз"), null))).containsExactly("steps[1]");
    }

    @Test
    void capSpacingAndJitterHaveLimits() {
        List<Step> steps = valid().steps();
        LocalTime from = LocalTime.of(21, 0);
        LocalTime to = LocalTime.of(9, 0);

        assertThat(fields(new FollowUpPolicy(steps, from, to, 0, -1, -1)))
                .containsExactly("capPerSilence", "minSpacingMinutes", "jitterMinutes");
        assertThat(fields(new FollowUpPolicy(steps, from, to, 11, 1441, 121)))
                .containsExactly("capPerSilence", "minSpacingMinutes", "jitterMinutes");
        assertThat(fields(new FollowUpPolicy(steps, from, to, 1, 0, 0))).isEmpty();
        assertThat(fields(new FollowUpPolicy(steps, from, to, 10, 1440, 120))).isEmpty();
    }

    @Test
    void aCapAboveTheNumberOfStepsIsAllowed() {
        FollowUpPolicy policy =
                new FollowUpPolicy(
                        valid().steps(), LocalTime.of(21, 0), LocalTime.of(9, 0), 5, 10, 20);
        assertThat(policy.validate()).isEmpty();
    }
}
