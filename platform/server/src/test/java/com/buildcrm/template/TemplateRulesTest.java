package com.buildcrm.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.outbox.OutboundPayload;
import com.buildcrm.outbox.OutgoingMessage;
import com.buildcrm.template.TemplateRules.Filled;
import com.buildcrm.template.TemplateRules.Unfillable;
import com.buildcrm.template.TemplateRules.WindowState;
import com.buildcrm.template.WhatsAppTemplate.Parameter;
import com.buildcrm.template.WhatsAppTemplate.Source;
import com.buildcrm.web.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateRulesTest {

    static final Optional<Duration> META = Optional.of(Duration.ofHours(24));
    static final Instant CLIENT_WROTE = Instant.parse("2026-12-01T09:00:00Z");

    static final WhatsAppTemplate FOLLOW_UP =
            new WhatsAppTemplate(
                    "followup",
                    "follow_up_1",
                    "ru",
                    "Здравствуйте, {{1}}! Это {{2}}. Актуален ли ещё вопрос по дому?",
                    List.of(
                            new Parameter(Source.CLIENT_NAME, "уважаемый клиент"),
                            new Parameter(Source.COMPANY, null)));

    @Test
    void theWindowIsOpenFor24HoursAfterTheClientsLastMessageAndThenClosed() {
        Clock clock = Clock.fixed(CLIENT_WROTE, ZoneOffset.UTC);
        var open = TemplateRules.window(META, CLIENT_WROTE, clock.instant());
        assertThat(open.state()).isEqualTo(WindowState.OPEN);
        assertThat(open.closesAt()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));

        Clock almost = Clock.offset(clock, Duration.ofHours(24).minusSeconds(1));
        assertThat(TemplateRules.window(META, CLIENT_WROTE, almost.instant()).state())
                .isEqualTo(WindowState.OPEN);
        Clock after = Clock.offset(clock, Duration.ofHours(24));
        assertThat(TemplateRules.window(META, CLIENT_WROTE, after.instant()).closed()).isTrue();
    }

    @Test
    void aClientWhoNeverWroteHasNoOpenWindowAndOtherChannelsHaveNone() {
        Instant now = Clock.fixed(CLIENT_WROTE, ZoneOffset.UTC).instant();
        assertThat(TemplateRules.window(META, null, now).closed()).isTrue();
        assertThat(
                        TemplateRules.window(
                                        Optional.empty(),
                                        CLIENT_WROTE.minus(Duration.ofDays(9)),
                                        now)
                                .state())
                .isEqualTo(WindowState.NONE);
    }

    @Test
    void aStepsOwnTemplateWinsOverTheGeneralOneAndReopenIsSeparate() {
        WhatsAppTemplate second =
                new WhatsAppTemplate("followup-2", "follow_up_2", "ru", "Добрый день!", List.of());
        WhatsAppTemplate reopen =
                new WhatsAppTemplate("reopen", "reopen_chat", "ru", "Здравствуйте!", List.of());
        List<WhatsAppTemplate> all = List.of(FOLLOW_UP, second, reopen);

        assertThat(TemplateRules.forFollowUp(all, 0)).contains(FOLLOW_UP);
        assertThat(TemplateRules.forFollowUp(all, 1)).contains(second);
        assertThat(TemplateRules.forFollowUp(all, 2)).contains(FOLLOW_UP);
        assertThat(TemplateRules.forFollowUp(List.of(second, reopen), 0)).isEmpty();
        assertThat(TemplateRules.forReopen(all)).contains(reopen);
    }

    @Test
    void fillingPutsTheValuesInOrderAndUsesTheFallbackForAnUnknownName() {
        var filled =
                (Filled)
                        TemplateRules.fill(
                                FOLLOW_UP,
                                TemplateRules.values(null, "Панель Дом", null, "Напоминаем"));
        assertThat(filled.call().name()).isEqualTo("follow_up_1");
        assertThat(filled.call().language()).isEqualTo("ru");
        assertThat(filled.call().bodyParameters())
                .containsExactly("уважаемый клиент", "Панель Дом");
        assertThat(filled.shown())
                .isEqualTo(
                        "Здравствуйте, уважаемый клиент! Это Панель Дом. Актуален ли ещё вопрос по дому?");

        var named =
                (Filled)
                        TemplateRules.fill(
                                FOLLOW_UP,
                                TemplateRules.values(
                                        "Асель\n\nНурлановна", "Панель Дом", null, null));
        assertThat(named.call().bodyParameters().get(0)).isEqualTo("Асель Нурлановна");
    }

    @Test
    void aValueWithoutFallbackMakesTheTemplateUnfillable() {
        var result = TemplateRules.fill(FOLLOW_UP, TemplateRules.values("Асель", "  ", null, null));
        assertThat(result).isInstanceOf(Unfillable.class);
        assertThat(((Unfillable) result).reason()).contains("{{2}}", "company");
    }

    @Test
    void aRegistrationWhoseParameterCountDiffersFromItsPlaceholdersIsRefused() {
        WhatsAppTemplate oneParameter =
                new WhatsAppTemplate(
                        "followup",
                        "follow_up_1",
                        "ru",
                        "Здравствуйте, {{1}}! Это {{2}}.",
                        List.of(new Parameter(Source.CLIENT_NAME, null)));
        assertThat(TemplateRules.check(List.of(oneParameter)))
                .extracting(FieldError::field)
                .containsExactly("templates[0].parameters");

        WhatsAppTemplate gap =
                new WhatsAppTemplate(
                        "reopen",
                        "Bad Name",
                        "russian",
                        "Здравствуйте, {{1}} и {{3}}",
                        List.of(
                                new Parameter(Source.CLIENT_NAME, null),
                                new Parameter(Source.COMPANY, null)));
        assertThat(TemplateRules.check(List.of(gap)))
                .extracting(FieldError::field)
                .containsExactly("templates[0].name", "templates[0].language", "templates[0].body");

        assertThat(TemplateRules.check(List.of(FOLLOW_UP, FOLLOW_UP)))
                .extracting(FieldError::field)
                .containsExactly("templates[1].purpose");
        assertThat(TemplateRules.check(List.of(FOLLOW_UP))).isEmpty();
    }

    @Test
    void aTemplateMessageSurvivesTheOutboxRoundTrip() {
        var filled =
                (Filled)
                        TemplateRules.fill(
                                FOLLOW_UP, TemplateRules.values("Асель", "Панель Дом", null, null));
        OutboundPayload payload = OutgoingMessage.template(filled.shown(), filled.call()).payload();
        assertThat(payload.type()).isEqualTo(OutboundPayload.Type.TEMPLATE);
        OutboundPayload back = OutboundPayload.fromJson(payload.toJson());
        assertThat(back).isEqualTo(payload);
        assertThat(back.template().bodyParameters()).containsExactly("Асель", "Панель Дом");
    }
}
