package com.buildcrm.packs.genericsales;

import com.buildcrm.brain.StageRole;
import com.buildcrm.brain.Temperature;
import com.buildcrm.testkit.Dialogue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Natural WhatsApp dialogues for any business through the offline rule brain: the client's need,
 * city, budget, timeline and name, the call and price flows.
 */
class GenericSalesDialogueTest {

    private static Dialogue dialogue() {
        return Dialogue.with(new GenericSalesPack());
    }

    // ---- the need ----

    @Test
    void theNeedInTheFirstMessageIsUnderstoodAndTheCityIsAskedNext() {
        dialogue()
                .client("Здравствуйте! Нужен кондиционер в спальню")
                .expectField("need", "кондиционер в спальню")
                .expectStage(StageRole.PARTIAL_DATA)
                .expectTemperature(Temperature.WARM)
                .expectReplyAsks("city");
    }

    @Test
    void interestedInPhrasing() {
        dialogue()
                .client("Добрый день, интересует ремонт квартиры под ключ")
                .expectField("need", "ремонт квартиры под ключ");
    }

    @Test
    void aGreetingAloneIsAnsweredWithTheNeedQuestion() {
        dialogue()
                .client("Здравствуйте")
                .expectNoField("need")
                .expectStage(StageRole.IN_PROGRESS)
                .expectReplyAsks("need")
                .client("кухонный гарнитур")
                .expectField("need", "кухонный гарнитур")
                .expectReplyAsks("city");
    }

    @Test
    void wantToBuyWithABudgetInOneSentence() {
        dialogue()
                .client("Хочу купить машину до 5 млн")
                .expectField("need", "машину")
                .expectField("budget_kzt", 5_000_000)
                .expectReplyAsks("city");
    }

    @Test
    void emojiAndASmileDoNotBreakTheNeed() {
        dialogue()
                .client("Добрый день 🙂 интересует ваш товар 🔥")
                .expectField("need", "ваш товар");
    }

    @Test
    void kazakhGreetingWithANeedAndBudget() {
        dialogue()
                .client("Сәлеметсіз бе! Нужна мебель в гостиную, бюджет 700 тыс")
                .expectField("need", "мебель в гостиную")
                .expectField("budget_kzt", 700_000);
    }

    // ---- budget ----

    @Test
    void budgetUpToFiveMillion() {
        dialogue()
                .client("Нужны окна ПВХ")
                .client("Алматы")
                .expectField("city", "Алматы")
                .expectReplyAsks("budget_kzt")
                .client("бюджет до 5 млн")
                .expectField("budget_kzt", 5_000_000)
                .expectReplyAsks("timeline");
    }

    @Test
    void budgetAboutFiveHundredThousandTenge() {
        dialogue()
                .client("Нужен ремонт ванной")
                .client("Астана")
                .client("около 500 тыс тенге")
                .expectField("budget_kzt", 500_000);
    }

    @Test
    void budgetWithADecimalCommaAndTheTengeSign() {
        dialogue()
                .client("Интересует автомобиль, Шымкент")
                .client("3,5 млн ₸")
                .expectField("budget_kzt", 3_500_000);
    }

    @Test
    void budgetWrittenWithSpacesAnswersTheQuestion() {
        dialogue()
                .client("Нужна газель для переезда")
                .client("Караганда")
                .expectReplyAsks("budget_kzt")
                .client("5 000 000")
                .expectField("budget_kzt", 5_000_000);
    }

    @Test
    void budgetHalfAMillionInWords() {
        dialogue()
                .client("Нужен ноутбук для учёбы")
                .client("Павлодар")
                .client("пол миллиона максимум")
                .expectField("budget_kzt", 500_000);
    }

    @Test
    void budgetRangeKeepsTheUpperBound() {
        dialogue()
                .client("Ищу квартиру в новостройке, Астана, от 30 до 35 млн")
                .expectField("budget_kzt", 35_000_000);
    }

    @Test
    void anUnknownBudgetIsAskedAgain() {
        dialogue()
                .client("Нужен дизайн интерьера")
                .client("Алматы")
                .client("пока не знаю")
                .expectNoField("budget_kzt")
                .expectReplyAsks("budget_kzt");
    }

    @Test
    void aPhoneNumberOrAYearIsNotABudget() {
        dialogue()
                .client("Нужна мебель, мой номер +7 701 123 45 67, в 2025 году переезжаем")
                .expectNoField("budget_kzt");
    }

    // ---- timeline ----

    @Test
    void timelineWithinAMonth() {
        dialogue()
                .client("Нужен ремонт офиса, Алматы, бюджет 3 млн")
                .expectReplyAsks("timeline")
                .client("в течение месяца")
                .expectField("timeline", "в течение месяца");
    }

    @Test
    void timelineBeforeSummer() {
        dialogue()
                .client("Интересует теплица, Кокшетау, 800 тысяч")
                .client("до лета")
                .expectField("timeline", "до лета");
    }

    @Test
    void timelineUrgent() {
        dialogue()
                .client("Нужно установить видеонаблюдение срочно!")
                .expectField("need", "видеонаблюдение")
                .expectField("timeline", "срочно");
    }

    @Test
    void timelineNextYearAndInTwoWeeks() {
        dialogue()
                .client("Интересует участок, Талгар, 10 млн, в следующем году")
                .expectField("timeline", "в следующем году")
                .client("хотя нет, через 2 недели")
                .expectField("timeline", "через 2 недели");
    }

    @Test
    void aFreeFormTimelineAnswerIsKept() {
        dialogue()
                .client("Нужна консультация юриста, Актобе, 100 тыс")
                .expectReplyAsks("timeline")
                .client("как получится, не горит")
                .expectField("timeline", "как получится, не горит");
    }

    // ---- full qualification ----

    @Test
    void aPatientClientIsQualifiedStepByStepToFullData() {
        dialogue()
                .client("Здравствуйте")
                .expectReplyAsks("need")
                .client("Интересуют курсы английского для ребёнка")
                .expectReplyAsks("city")
                .client("Астана")
                .expectReplyAsks("budget_kzt")
                .client("до 200 тысяч в месяц")
                .expectField("budget_kzt", 200_000)
                .expectReplyAsks("timeline")
                .client("с сентября")
                .expectReplyAsks("name")
                .client("Меня зовут Асель")
                .expectField("name", "Асель")
                .expectStage(StageRole.FULL_DATA)
                .expectTemperature(Temperature.WARM);
    }

    @Test
    void everythingInOneMessageReachesFullData() {
        dialogue()
                .client(
                        "Добрый день, меня зовут Данияр, я из Астаны. Нужен ремонт офиса, бюджет"
                                + " 3 млн, в течение месяца")
                .expectField("name", "Данияр")
                .expectField("city", "Астана")
                .expectField("need", "ремонт офиса")
                .expectField("budget_kzt", 3_000_000)
                .expectField("timeline", "в течение месяца")
                .expectStage(StageRole.FULL_DATA);
    }

    @Test
    void theUniversalPackGivesNoIndustryAdvice() {
        dialogue()
                .client("Нужна мебель")
                .client("Алматы")
                .expectReplyNotContains("склад")
                .expectReplyNotContains("по всему Казахстану");
    }

    // ---- the call ----

    @Test
    void aCallWishLeadsToNameThenTimeThenCallRequested() {
        dialogue()
                .client("Нужен кондиционер. Перезвоните мне, пожалуйста")
                .expectCallRequested()
                .expectStage(StageRole.CALL_REQUESTED)
                .expectReplyAsks("name")
                .client("Ержан")
                .expectField("name", "Ержан")
                .expectReplyAsks("preferred_call_time")
                .client("после 18:00")
                .expectTemperature(Temperature.WARM)
                .expectStage(StageRole.CALL_REQUESTED);
    }

    @Test
    void hotOnlyWithAllDataAndACallWish() {
        dialogue()
                .client("Меня зовут Айгуль, Шымкент, нужна кухня, бюджет 2 млн, до лета")
                .expectStage(StageRole.FULL_DATA)
                .expectTemperature(Temperature.WARM)
                .client("Можете позвонить завтра в 11?")
                .expectCallRequested()
                .expectStage(StageRole.CALL_REQUESTED)
                .expectTemperature(Temperature.HOT)
                .expectScoreAtLeast(80);
    }

    // ---- the price ----

    @Test
    void priceFirstAsksWhatExactlyIsNeeded() {
        dialogue()
                .client("Сколько стоит?")
                .expectReplyContains("зависит")
                .expectReplyAsks("need")
                .expectNoCallRequested();
    }

    @Test
    void priceWithTheNeedKnownOffersACall() {
        dialogue()
                .client("Нужен шкаф-купе. Какая цена?")
                .expectField("need", "шкаф-купе")
                .expectNoCallRequested()
                .expectReplyContains("позвонит");
    }

    @Test
    void priceAskedAgainOnceTheNeedIsKnownOffersACallAndAYesRequestsIt() {
        dialogue()
                .client("Цена?")
                .expectReplyAsks("need")
                .client("диван угловой")
                .expectField("need", "диван угловой")
                .expectReplyAsks("city")
                .client("а сколько стоит?")
                .expectReplyContains("специалист")
                .expectNoCallRequested()
                .client("да")
                .expectCallRequested()
                .expectStage(StageRole.CALL_REQUESTED);
    }

    @Test
    void insistingOnThePriceRequestsACallAtOnce() {
        dialogue()
                .client("Интересует установка дверей")
                .client("просто скажите цену")
                .expectCallRequested()
                .expectStage(StageRole.CALL_REQUESTED)
                .expectReplyAsks("name");
    }

    // ---- bursts, not interested, hand-off, a person's move, English ----

    @Test
    void aBurstOfQuickMessagesIsAnsweredOnce() {
        dialogue()
                .burst("Здравствуйте", "нужен холодильник", "мы из Караганды")
                .expectField("need", "холодильник")
                .expectField("city", "Караганда")
                .expectReplyAsks("budget_kzt");
    }

    @Test
    void notInterestedCoolsTheLead() {
        dialogue()
                .client("Нужен ремонт")
                .client("Спасибо, уже нашли, не актуально")
                .expectTemperature(Temperature.COLD)
                .expectReplyNotContains("?");
    }

    @Test
    void askingForAPersonHandsOff() {
        dialogue().client("Вы бот? Позовите живого человека").expectHandOff().expectNoField("need");
    }

    @Test
    void aLeadMovedByHandStaysThere() {
        dialogue()
                .client("Нужна мебель")
                .humanMovesTo(StageRole.LOST)
                .client("Астана, бюджет 1 млн, срочно, меня зовут Роза")
                .expectField("budget_kzt", 1_000_000)
                .expectStage(StageRole.LOST);
    }

    @Test
    void anEnglishSpeakingClient() {
        Dialogue.with(new GenericSalesPack())
                .locale("en")
                .client("Hello, I need a new laptop")
                .expectField("need", "a new laptop")
                .expectReplyAsks("city")
                .expectReplyContains("city");
    }

    @Test
    void aDecimalBudgetInMillions() {
        dialogue()
                .client("Нужен автомобиль, Костанай")
                .client("где-то 7,5 млн")
                .expectField("budget_kzt", new BigDecimal("7500000"));
    }

    @Test
    void aQuestionTheKnowledgeBaseAnswersIsAnsweredFromItsEntry() {
        Dialogue.with(new GenericSalesPack())
                .packKnowledge()
                .client("Добрый день! Какой у вас график работы?")
                .expectReplyContains("с 9:00 до 21:00")
                .expectEvent("knowledge.answered");
    }

    @Test
    void aQuestionNothingAnswersIsLeftPolitelyForTheSpecialist() {
        Dialogue.with(new GenericSalesPack())
                .packKnowledge()
                .client("вы работаете с НДС?")
                .expectReplyContains("ответит наш специалист во время звонка")
                .expectEvent("knowledge.declined");
    }

    // ---- issue 16: names said in passing, one greeting, ask instead of guessing ----

    @Test
    void theChainGreetsAndTheFirstAnswerDoesNotGreetAgain() {
        dialogue()
                .client("Добрый день! Интересует ремонт квартиры под ключ")
                .expectGreetingChain()
                .expectNoRepeatedGreeting()
                .expectField("need", "ремонт квартиры под ключ")
                .expectReplyAsks("city")
                .client("Здравствуйте, Алматы")
                .expectNoRepeatedGreeting()
                .expectField("city", "Алматы");
    }

    @Test
    void aBareGreetingGetsTheChainAndAnAnswerThatDoesNotGreetAgain() {
        dialogue()
                .client("Салем")
                .expectGreetingChain()
                .expectNoRepeatedGreeting()
                .client("нужен кондиционер")
                .expectNoRepeatedGreeting()
                .expectField("need", "кондиционер");
    }

    @Test
    void aNameClosingACallRequestIsTaken() {
        dialogue()
                .client("Нужен кондиционер в спальню, можете перезвонить? Айгерим")
                .expectCallRequested()
                .expectField("name", "Айгерим")
                .expectReplyContains("Айгерим")
                .expectReplyAsks("preferred_call_time");
    }

    @Test
    void aNameBeforeMenyaZovutAndASignatureAreTaken() {
        dialogue()
                .client("Здравствуйте, Ерлан меня зовут, интересует натяжной потолок")
                .expectField("name", "Ерлан")
                .expectField("need", "натяжной потолок");
        dialogue()
                .client("Интересует мебель на кухню. С уважением, Жанар")
                .expectField("name", "Жанар");
    }

    @Test
    void aNameBetweenCommasNextToACallRequest() {
        dialogue()
                .client("срочно нужно, позвоните сегодня, Марат, в 15:00")
                .expectField("name", "Марат")
                .expectField("preferred_call_time", "сегодня в 15:00")
                .expectCallRequested();
    }

    @Test
    void anAmountAfterTheTimelineQuestionIsNotATimelineItIsAskedAgainInOtherWords() {
        dialogue()
                .client("Нужен ремонт ванной, Астана, бюджет 2 млн")
                .expectReplyAsks("timeline")
                .client("около 3 млн")
                .expectNoField("timeline")
                .expectField("budget_kzt", 3_000_000)
                .expectReplyContains("в этом месяце")
                .expectReplyAsks("timeline")
                .client("в следующем месяце")
                .expectField("timeline", "в следующем месяце");
    }

    @Test
    void aTimelineAfterTheBudgetQuestionIsAskedAgainOnceThenTheDialogueMovesOn() {
        dialogue()
                .client("Нужна мебель для кухни, Караганда")
                .expectReplyAsks("budget_kzt")
                .client("через месяц")
                .expectField("timeline", "через месяц")
                .expectNoField("budget_kzt")
                .expectReplyContains("Примерно какую сумму")
                .client("ну где-то через месяц, не раньше")
                .expectNoField("budget_kzt")
                .expectReplyContains("уточнит при звонке")
                .expectReplyAsks("name");
    }

    // ---- voice notes (ADR 033): a transcript is the client's words; unheard ones ----

    @Test
    void aTranscribedVoiceNoteIsAnsweredFromItsWords() {
        dialogue()
                .voice("Здравствуйте, нужен кондиционер в спальню, мы из Шымкента")
                .expectGreetingChain()
                .expectNoRepeatedGreeting()
                .expectField("need", "кондиционер в спальню")
                .expectField("city", "Шымкент")
                .expectReplyAsks("budget_kzt")
                .voice("бюджет где-то пятьсот тысяч")
                .expectField("budget_kzt", 500_000)
                .expectReplyAsks("timeline");
    }

    @Test
    void aSpokenCallRequestWithANameIsTaken() {
        dialogue()
                .client("Нужна кухня, Астана")
                .voice("Можете перезвонить? Сергей")
                .expectCallRequested()
                .expectField("name", "Сергей")
                .expectReplyAsks("preferred_call_time");
    }

    @Test
    void anUnheardVoiceNoteIsAskedToBeWrittenOncePerSilence() {
        dialogue()
                .unheardVoice()
                .expectGreetingChain()
                .expectAskedToWrite()
                .voices(null, null)
                .expectNoReply()
                .client("нужен натяжной потолок")
                .expectField("need", "натяжной потолок")
                .expectReplyAsks("city")
                .unheardVoice()
                .expectAskedToWrite()
                .unheardVoice()
                .expectNoReply();
    }

    @Test
    void aFaqQuestionSpokenInAVoiceNoteIsAnsweredFromTheKnowledgeBase() {
        Dialogue.with(new GenericSalesPack())
                .packKnowledge()
                .voice("Добрый день, а какой у вас график работы?")
                .expectReplyContains("с 9:00 до 21:00")
                .expectEvent("knowledge.answered");
    }
}
