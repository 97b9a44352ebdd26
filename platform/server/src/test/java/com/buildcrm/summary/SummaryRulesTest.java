package com.buildcrm.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.nextaction.NextAction;
import com.buildcrm.nextaction.NextActionKind;
import com.buildcrm.packs.genericsales.GenericSalesPack;
import com.buildcrm.packs.panelhouses.PanelHousesPack;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.summary.HandoffSummary.Fact;
import com.buildcrm.summary.HandoffSummary.OpenQuestion;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule summary over both packs' real qualification schemas. */
class SummaryRulesTest {

    private static final IndustryPack HOUSES = new PanelHousesPack();
    private static final IndustryPack SALES = new GenericSalesPack();

    private static SummaryInput input(
            IndustryPack pack,
            Map<String, Object> fields,
            String role,
            List<String> texts,
            NextAction action) {
        return new SummaryInput(
                pack.qualificationSchema(),
                pack.descriptor().nameRu(),
                pack.descriptor().nameEn(),
                fields,
                role,
                texts,
                action);
    }

    private static Map<String, Object> houseFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("length_m", new BigDecimal("10"));
        f.put("width_m", new BigDecimal("8.5"));
        f.put("foundation_closed", true);
        f.put("city", "Алматы");
        f.put("preferred_call_time", "сегодня после обеда");
        f.put("name", "Ержан");
        f.put("windows", "   "); // blank says nothing
        return f;
    }

    @Test
    void panelHousesFactsCarryThePackLabelsInAskingOrderAndTheMissingRequiredAreOpen() {
        HandoffSummary s =
                SummaryRules.build(
                        input(
                                HOUSES,
                                houseFields(),
                                "CALL_REQUESTED",
                                List.of("Здравствуйте", "Позвоните сегодня после обеда"),
                                null));

        assertThat(s.fields())
                .extracting(Fact::key)
                .containsExactly(
                        "city",
                        "length_m",
                        "width_m",
                        "foundation_closed",
                        "name",
                        "preferred_call_time");
        assertThat(s.fields())
                .extracting(Fact::labelRu)
                .containsExactly(
                        "Город",
                        "Длина, м",
                        "Ширина, м",
                        "Закрытие фундамента",
                        "Имя",
                        "Удобное время звонка");
        assertThat(s.fields()).extracting(Fact::labelEn).contains("Width, m", "Foundation closed");
        assertThat(s.fields().get(2).value()).isEqualTo(new BigDecimal("8.5"));
        assertThat(s.fields().get(2).type()).isEqualTo("NUMBER");
        assertThat(s.fields().get(3).value()).isEqualTo(true);
        assertThat(s.fields()).noneMatch(Fact::changed);

        // required and missing: height, windows (blank), doors, project; never the optional ones
        assertThat(s.open())
                .extracting(OpenQuestion::key)
                .containsExactly("height_m", "windows", "doors", "has_project");
        assertThat(s.open().get(0).labelRu()).isEqualTo("Высота стен, м");
        assertThat(s.open().get(0).questionRu()).contains("высота стен");

        assertThat(s.want().topicRu()).isEqualTo("Панельные дома");
        assertThat(s.want().callRequested()).isTrue();
        assertThat(s.want().callTime()).isEqualTo("сегодня после обеда");
        assertThat(s.want().need()).isNull();
        assertThat(s.want().clientWords())
                .containsExactly("Здравствуйте", "Позвоните сегодня после обеда");
        // a call request with no planner action: call
        assertThat(s.nextStep().kind()).isEqualTo("CALL");
        assertThat(s.text()).isNull();
    }

    @Test
    void genericSalesNeedIsWhatTheClientWantsAndAskNamesTheFirstOpenQuestions() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("need", "  Кухонный гарнитур на заказ ");
        HandoffSummary s = SummaryRules.build(input(SALES, f, "IN_PROGRESS", List.of(), null));

        assertThat(s.want().need()).isEqualTo("Кухонный гарнитур на заказ");
        assertThat(s.want().callRequested()).isFalse();
        assertThat(s.want().topicEn()).isEqualTo(SALES.descriptor().nameEn());
        assertThat(s.fields()).extracting(Fact::labelRu).containsExactly("Потребность");
        assertThat(s.open())
                .extracting(OpenQuestion::key)
                .containsExactly("city", "budget_kzt", "timeline", "name");
        assertThat(s.nextStep().kind()).isEqualTo("ASK");
        assertThat(s.nextStep().fieldKeys()).containsExactly("city", "budget_kzt", "timeline");
    }

    @Test
    void thePlannersActionWinsAndEverythingKnownMeansOffer() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("need", "Шкаф");
        f.put("city", "Астана");
        f.put("budget_kzt", 500000);
        f.put("timeline", "в этом месяце");
        f.put("name", "Асель");
        NextAction waiting =
                new NextAction(
                        NextActionKind.CLIENT_WAITING, 82, "Клиент ждёт ответа 12 мин", null, null);

        HandoffSummary planned =
                SummaryRules.build(input(SALES, f, "FULL_DATA", List.of(), waiting));
        assertThat(planned.open()).isEmpty();
        assertThat(planned.nextStep().kind()).isEqualTo("CLIENT_WAITING");
        assertThat(planned.nextStep().reason()).isEqualTo("Клиент ждёт ответа 12 мин");

        assertThat(
                        SummaryRules.build(input(SALES, f, "FULL_DATA", List.of(), null))
                                .nextStep()
                                .kind())
                .isEqualTo("OFFER");
        assertThat(SummaryRules.build(input(SALES, f, "WON", List.of(), waiting)).nextStep().kind())
                .isEqualTo("DONE");
    }

    @Test
    void quotesAreTheLastThreeNonBlankMessagesShortened() {
        String longText = "а".repeat(500);
        HandoffSummary s =
                SummaryRules.build(
                        input(
                                SALES,
                                Map.of(),
                                "NEW",
                                java.util.Arrays.asList(
                                        "one", " ", null, "two  words", "three", longText),
                                null));
        assertThat(s.want().clientWords()).hasSize(3);
        assertThat(s.want().clientWords().get(0)).isEqualTo("two words");
        assertThat(s.want().clientWords().get(2)).hasSize(SummaryRules.MAX_QUOTE).endsWith("…");
    }

    @Test
    void changesSinceTheSnapshotAreMarked() {
        HandoffSummary before =
                SummaryRules.build(input(HOUSES, houseFields(), "CALL_REQUESTED", List.of(), null));
        Map<String, Object> later = houseFields();
        later.put("width_m", new BigDecimal("8.50")); // same number, other scale: unchanged
        later.put("length_m", new BigDecimal("12")); // changed
        later.put("doors", 2); // new
        HandoffSummary now =
                SummaryRules.markChanges(
                        SummaryRules.build(input(HOUSES, later, "IN_PROGRESS", List.of(), null)),
                        before);
        assertThat(now.fields().stream().filter(Fact::changed).map(Fact::key))
                .containsExactlyInAnyOrder("length_m", "doors");
        // a stored snapshot reads back equal (numbers as decimals)
        HandoffSummary back = Summaries.read(Summaries.write(before));
        assertThat(SummaryRules.markChanges(before, back).fields()).noneMatch(Fact::changed);
        assertThat(back.want()).isEqualTo(before.want());
    }

    @Test
    void thePlainTextForTheLlmUsesLabelsNeverKeys() {
        HandoffSummary s =
                SummaryRules.build(
                        input(HOUSES, houseFields(), "CALL_REQUESTED", List.of("Позвоните"), null));
        String ru = SummaryRules.plainText(s, "ru");
        assertThat(ru)
                .contains("Ширина, м: 8.5", "Закрытие фундамента: да", "Клиент просит позвонить")
                .contains("Ещё не известно: Высота стен, м")
                .doesNotContain("width_m", "foundation_closed", "true");
        String en = SummaryRules.plainText(s, "en");
        assertThat(en)
                .contains("Width, m: 8.5", "Foundation closed: yes")
                .doesNotContain("width_m");
    }

    @Test
    void theLlmMayOnlyRephrase() {
        String facts =
                SummaryRules.plainText(
                        SummaryRules.build(
                                input(HOUSES, houseFields(), "CALL_REQUESTED", List.of(), null)),
                        "ru");
        assertThat(
                        SummaryWriter.accepted(
                                "Ержан из Алматы, дом 10 на 8,5 м, просит звонок.", facts))
                .contains("Ержан из Алматы, дом 10 на 8,5 м, просит звонок.");
        // a price the facts do not hold is an invented fact
        assertThat(SummaryWriter.accepted("Дом 10 на 8,5 м, цена 4 500 000 ₸.", facts)).isEmpty();
        assertThat(SummaryWriter.accepted("  ", facts)).isEmpty();
        assertThat(SummaryWriter.accepted(null, facts)).isEmpty();
        assertThat(SummaryWriter.accepted("а".repeat(SummaryWriter.MAX_TEXT + 1), facts)).isEmpty();
    }
}
