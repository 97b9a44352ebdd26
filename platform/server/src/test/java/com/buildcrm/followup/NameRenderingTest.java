package com.buildcrm.followup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameRenderingTest {

    @Test
    void aKnownNameFillsThePlaceholder() {
        assertThat(FollowUpPlanner.render("Подскажите, {name}, актуально?", "Айгерим"))
                .isEqualTo("Подскажите, Айгерим, актуально?");
        assertThat(FollowUpPlanner.render("{name}, добрый день!", "Ержан"))
                .isEqualTo("Ержан, добрый день!");
    }

    @Test
    void theNameIsTrimmedAndItsSpacesCollapsed() {
        assertThat(FollowUpPlanner.render("Добрый день, {name}!", "  Анна   Мария "))
                .isEqualTo("Добрый день, Анна Мария!");
    }

    @Test
    void aNameIsInsertedLiterally() {
        assertThat(FollowUpPlanner.render("Привет, {name}!", "$1 \\ {name}"))
                .isEqualTo("Привет, $1 \\ {name}!");
    }

    @Test
    void aTextWithoutPlaceholderStaysAsItIs() {
        assertThat(FollowUpPlanner.render("Когда удобно созвониться?", null))
                .isEqualTo("Когда удобно созвониться?");
        assertThat(FollowUpPlanner.render("Когда удобно созвониться?", "Айгерим"))
                .isEqualTo("Когда удобно созвониться?");
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Подскажите, {name}, актуально?|Подскажите, актуально?",
                "{name}, добрый день!|Добрый день!",
                "{name}! Вы ещё выбираете?|Вы ещё выбираете?",
                "{name} — подскажите, актуально?|Подскажите, актуально?",
                "Добрый день, {name}!|Добрый день!",
                "Добрый день, {name}. Актуально?|Добрый день. Актуально?",
                "Здравствуйте {name}, когда удобно созвониться?|Здравствуйте, когда удобно созвониться?",
                "Спасибо, {name}|Спасибо",
                "Подскажите, { NAME }, актуально?|Подскажите, актуально?",
                "  {name},   ещё   актуально?  |Ещё актуально?",
                "{name}, это Айдос из «Окна Алматы». {name}, актуально?|Это Айдос из «Окна Алматы». Актуально?",
            })
    void anUnknownNameIsDroppedWithItsCommas(String template, String expected) {
        assertThat(FollowUpPlanner.render(template, null)).isEqualTo(expected);
        assertThat(FollowUpPlanner.render(template, "   ")).isEqualTo(expected);
    }

    @Test
    void aLatinTextStartingWithThePlaceholderIsCapitalisedToo() {
        assertThat(FollowUpPlanner.render("{name}, is it still relevant?", null))
                .isEqualTo("Is it still relevant?");
    }
}
