package com.buildcrm.packs.panelhouses;

import com.buildcrm.brain.StageRole;
import com.buildcrm.brain.Temperature;
import com.buildcrm.testkit.Dialogue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Natural WhatsApp dialogues of panel-house clients through the offline rule brain: what a real
 * client writes, turn by turn, and what the AI manager must understand and do.
 */
class PanelHousesDialogueTest {

    private static Dialogue dialogue() {
        return Dialogue.with(new PanelHousesPack());
    }

    /** Gives the city and every size so that the next question is about the foundation. */
    private static Dialogue withCityAndSize(String city) {
        return dialogue()
                .client("Здравствуйте, мы из " + city + ", нужен дом 10 на 12, высота 3")
                .expectReplyAsks("foundation_closed");
    }

    // ---- sizes in every form ----

    @Test
    void sizeWrittenTenByTwelveIsUnderstoodAndTheCityIsAskedFirst() {
        dialogue()
                .client("Здравствуйте! Интересует дом 10 на 12")
                .expectField("length_m", 10)
                .expectField("width_m", 12)
                .expectNoField("height_m")
                .expectStage(StageRole.PARTIAL_DATA)
                .expectTemperature(Temperature.WARM)
                .expectReplyAsks("city")
                .expectReplyContains("в каком городе");
    }

    @Test
    void sizeWithLatinXAndHeightInOneGo() {
        dialogue()
                .client("Астана. 12 x 9 x 3")
                .expectField("city", "Астана")
                .expectField("length_m", 12)
                .expectField("width_m", 9)
                .expectField("height_m", 3)
                .expectReplyAsks("foundation_closed");
    }

    @Test
    void sizeWithCyrillicHaAndStar() {
        dialogue()
                .client("Добрый день, дом 10х12 нужен")
                .expectField("length_m", 10)
                .expectField("width_m", 12)
                .client("а лучше 10*14")
                .expectField("length_m", 10)
                .expectField("width_m", 14);
    }

    @Test
    void sizeWithLabelsInAnyOrder() {
        dialogue()
                .client("Караганда")
                .expectField("city", "Караганда")
                .expectReplyAsks("length_m")
                .client("ширина 8, длина 14")
                .expectField("length_m", 14)
                .expectField("width_m", 8)
                .expectReplyAsks("height_m")
                .client("потолки 2,7")
                .expectField("height_m", new java.math.BigDecimal("2.7"))
                .expectReplyAsks("foundation_closed");
    }

    @Test
    void sizeInWordsIsUnderstood() {
        dialogue()
                .client("Здравствуйте, хотим домик десять на двенадцать")
                .expectField("length_m", 10)
                .expectField("width_m", 12)
                .client("высота три метра")
                .expectField("height_m", 3);
    }

    @Test
    void sizeWithCommaDecimalsAndMetres() {
        dialogue()
                .client("Шымкент, дом 10,5 на 8 метров")
                .expectField("city", "Шымкент")
                .expectField("length_m", new java.math.BigDecimal("10.5"))
                .expectField("width_m", 8)
                .expectReplyAsks("height_m");
    }

    @Test
    void bareNumbersAnswerTheSizeQuestionsOneByOne() {
        dialogue()
                .client("Павлодар")
                .expectReplyAsks("length_m")
                .client("12")
                .expectField("length_m", 12)
                .expectNoField("width_m")
                .expectReplyAsks("width_m")
                .client("9")
                .expectField("width_m", 9)
                .expectReplyAsks("height_m")
                .client("где-то 3 метра")
                .expectField("height_m", 3)
                .expectReplyAsks("foundation_closed");
    }

    @Test
    void emojiAndTyposDoNotBreakTheSizes() {
        dialogue()
                .client("здраствуйте😊 дом 8на10 надо 🏠🏠")
                .expectField("length_m", 8)
                .expectField("width_m", 10)
                .expectReplyAsks("city");
    }

    @Test
    void kazakhRussianMixIsUnderstood() {
        dialogue()
                .client("Сәлеметсіз бе! Үй керек 10 на 12, Алматы")
                .expectField("city", "Алматы")
                .expectField("length_m", 10)
                .expectField("width_m", 12)
                .expectReplyContains("склад");
    }

    @Test
    void kazakhLocativeCityIsUnderstood() {
        dialogue()
                .client("Сәлеметсіз бе! Алматыда үй керек 10 на 12")
                .expectField("length_m", 10)
                .expectField("width_m", 12)
                .expectField("city", "Алматы")
                .expectReplyContains("склад");
    }

    @Test
    void aPhoneNumberIsNotASize() {
        dialogue()
                .client("Мой номер 87011234567, позвоните")
                .expectNoField("length_m")
                .expectNoField("width_m")
                .expectCallRequested();
    }

    @Test
    void aBudgetAndADateAreNotSizes() {
        dialogue()
                .client("Бюджет 5 млн, хотим построить к 15 июня")
                .expectNoField("length_m")
                .expectNoField("width_m")
                .expectNoField("height_m");
    }

    @Test
    void storeysAreNotTheWallHeight() {
        dialogue()
                .client("Актобе, 8 на 10")
                .expectReplyAsks("height_m")
                .client("в 2 этажа")
                .expectNoField("height_m")
                .expectReplyAsks("height_m");
    }

    @Test
    void aCorrectedSizeReplacesTheOldOne() {
        dialogue()
                .client("Костанай, 10 на 12")
                .expectField("length_m", 10)
                .client("ой, точнее 12 на 14")
                .expectField("length_m", 12)
                .expectField("width_m", 14);
    }

    // ---- windows, doors, foundation, project ----

    @Test
    void windowsAndDoorsInOneMessage() {
        withCityAndSize("Астаны")
                .client("фундамент закроем. окон 6, дверей 2")
                .expectField("foundation_closed", true)
                .expectField("windows", 6L)
                .expectField("doors", 2L)
                .expectReplyAsks("has_project");
    }

    @Test
    void windowsAndDoorsWrittenAsWords() {
        withCityAndSize("Тараза")
                .client("да")
                .expectField("foundation_closed", true)
                .expectReplyAsks("windows")
                .client("6 окон и 2 двери")
                .expectField("windows", 6L)
                .expectField("doors", 2L);
    }

    @Test
    void aSingleDoorWrittenAfterTheWord() {
        withCityAndSize("Семея")
                .client("цоколь закрывать не будем")
                .expectField("foundation_closed", false)
                .expectReplyAsks("windows")
                .client("штук 5")
                .expectField("windows", 5L)
                .expectReplyAsks("doors")
                .client("дверь одна")
                .expectField("doors", 1L)
                .expectReplyAsks("has_project");
    }

    @Test
    void noProjectButPhotosCountsAsHavingOne() {
        withCityAndSize("Атырау")
                .client("нет")
                .expectField("foundation_closed", false)
                .client("окон 4, дверей 1")
                .client("проекта нет, есть фото")
                .expectField("has_project", true);
    }

    @Test
    void aQuestionAboutOurPhotosIsNotAnAnswer() {
        withCityAndSize("Уральска")
                .client("будем закрывать")
                .expectField("foundation_closed", true)
                .client("а фото готовых домов есть?")
                .expectNoField("has_project");
    }

    // ---- advice: Almaty pickup vs delivery ----

    @Test
    void almatyClientsHearAboutTheWarehousePickup() {
        dialogue()
                .client("Здравствуйте, мы из Алматы")
                .expectField("city", "Алматы")
                .expectReplyContains("склад")
                .expectReplyContains("самовывоз")
                .expectReplyNotContains("по всему Казахстану")
                .expectReplyAsks("length_m");
    }

    @Test
    void theWarehouseAddressComesFromTheSettings() {
        Dialogue.with(new PanelHousesPack())
                .settings(Map.of("warehouse_address", "ул. Рыскулова, 57"))
                .client("Алма-Ата")
                .expectField("city", "Алматы")
                .expectReplyContains("ул. Рыскулова, 57");
    }

    @Test
    void otherCitiesHearAboutDeliveryAcrossKazakhstan() {
        dialogue()
                .client("Добрый вечер! Я из Астаны")
                .expectField("city", "Астана")
                .expectReplyContains("по всему Казахстану")
                .expectReplyNotContains("склад");
    }

    @Test
    void theDeliveryNoteIsAddedWhenSet() {
        Dialogue.with(new PanelHousesPack())
                .settings(Map.of("delivery_note", "Доставка занимает 3–5 дней."))
                .client("Shymkent")
                .expectField("city", "Шымкент")
                .expectReplyContains("Доставка занимает 3–5 дней.");
    }

    @Test
    void theAdviceIsGivenOnlyOnce() {
        dialogue()
                .client("Алматы")
                .expectReplyContains("склад")
                .client("10 на 12")
                .expectReplyNotContains("склад")
                .expectReplyAsks("height_m");
    }

    // ---- the call ----

    @Test
    void aCallWishLeadsToNameThenTimeThenCallRequested() {
        dialogue()
                .client("Здравствуйте, дом 8 на 10 в Алматы. Можете перезвонить?")
                .expectCallRequested()
                .expectStage(StageRole.CALL_REQUESTED)
                .expectReplyAsks("name")
                .client("Айдар")
                .expectField("name", "Айдар")
                .expectReplyAsks("preferred_call_time")
                .client("завтра после обеда")
                .expectField("preferred_call_time", "завтра после обеда")
                .expectStage(StageRole.CALL_REQUESTED)
                .expectTemperature(Temperature.WARM);
    }

    @Test
    void hotOnlyWithAllDataAndACallWish() {
        dialogue()
                .client("Здравствуйте, Алматы, дом 10 на 12, высота 3")
                .client("фундамент закроем, окон 6, дверей 2, проект есть")
                .expectStage(StageRole.FULL_DATA)
                .expectTemperature(Temperature.WARM)
                .client("Позвоните мне, пожалуйста. Меня зовут Ерлан, удобно после 18:00")
                .expectCallRequested()
                .expectStage(StageRole.CALL_REQUESTED)
                .expectTemperature(Temperature.HOT)
                .expectScoreAtLeast(80);
    }

    @Test
    void aHintAtACallCounts() {
        dialogue()
                .client("Тараз, 6 на 8. Мне удобнее по телефону обсудить")
                .expectCallRequested()
                .expectReplyAsks("name");
    }

    // ---- the price ----

    @Test
    void priceFirstAsksForTheMinimumData() {
        dialogue()
                .client("Сколько стоит дом?")
                .expectReplyContains("зависит")
                .expectReplyAsks("city")
                .expectReplyNotContains("тенге")
                .expectStage(StageRole.IN_PROGRESS);
    }

    @Test
    void priceWithTheMinimumKnownOffersACall() {
        dialogue()
                .client("Алматы, дом 8 на 10. Сколько будет стоить?")
                .expectReplyContains("позвонит")
                .expectReplyNotContains("тенге");
    }

    @Test
    void priceAskedAgainOnceTheMinimumIsKnownOffersACallAndAYesRequestsIt() {
        dialogue()
                .client("Цена какая?")
                .expectReplyAsks("city")
                .client("Астана, 9 на 12")
                .expectNoCallRequested()
                .expectReplyAsks("height_m")
                .client("а сколько стоит?")
                .expectReplyContains("специалист")
                .expectNoCallRequested()
                .client("да, давайте")
                .expectCallRequested()
                .expectStage(StageRole.CALL_REQUESTED)
                .expectReplyAsks("name");
    }

    @Test
    void askingThePriceAfterTheCallWasOfferedRequestsIt() {
        dialogue()
                .client("Алматы, 8 на 10, сколько стоит?")
                .expectNoCallRequested()
                .client("ну так сколько?")
                .expectCallRequested()
                .expectStage(StageRole.CALL_REQUESTED);
    }

    @Test
    void insistingOnThePriceRequestsACallAtOnce() {
        dialogue()
                .client("Здравствуйте")
                .client("просто скажите цену")
                .expectCallRequested()
                .expectStage(StageRole.CALL_REQUESTED)
                .expectReplyAsks("name");
    }

    // ---- bursts, not interested, hand-off, a person's move ----

    @Test
    void aBurstOfThreeQuickMessagesIsAnsweredOnce() {
        dialogue()
                .burst("Здравствуйте", "мы из Алматы", "сколько стоит?")
                .expectField("city", "Алматы")
                .expectReplyContains("склад")
                .expectReplyAsks("length_m");
    }

    @Test
    void aBurstWithSizesSpreadOverMessages() {
        dialogue()
                .burst("Добрый день", "длина 14", "ширина 8", "Костанай")
                .expectField("length_m", 14)
                .expectField("width_m", 8)
                .expectField("city", "Костанай")
                .expectReplyAsks("height_m");
    }

    @Test
    void notInterestedCoolsTheLeadAndStopsQuestions() {
        dialogue()
                .client("Здравствуйте, Астана, 10 на 12")
                .client("Спасибо, уже не актуально")
                .expectTemperature(Temperature.COLD)
                .expectReplyNotContains("?")
                .expectReplyContains("спасибо");
    }

    @Test
    void askingForAPersonHandsTheLeadOff() {
        dialogue()
                .client("Алматы 8 на 10")
                .client("Соедините с живым менеджером")
                .expectHandOff()
                .client("алло?")
                .expectNoReply();
    }

    @Test
    void aLeadMovedByHandStaysWhereThePersonPutIt() {
        dialogue()
                .client("Здравствуйте, Шымкент")
                .humanMovesTo(StageRole.WON)
                .client("дом 10 на 12, высота 3, фундамент закроем")
                .expectField("length_m", 10)
                .expectField("height_m", 3)
                .expectStage(StageRole.WON);
    }

    // ---- full qualification ----

    @Test
    void aPatientClientIsQualifiedStepByStepToFullData() {
        dialogue()
                .client("Добрый день! Хочу узнать про панельные дома")
                .expectReplyAsks("city")
                .client("Кокшетау")
                .expectField("city", "Кокшетау")
                .expectReplyContains("по всему Казахстану")
                .expectReplyAsks("length_m")
                .client("дом 8 на 10 метров")
                .expectReplyAsks("height_m")
                .client("высота 2,8")
                .expectReplyAsks("foundation_closed")
                .client("да, конечно")
                .expectReplyAsks("windows")
                .client("5")
                .expectReplyAsks("doors")
                .client("две")
                .expectField("doors", 2L)
                .expectReplyAsks("has_project")
                .client("пришлю фото чуть позже")
                .expectField("has_project", true)
                .expectStage(StageRole.FULL_DATA)
                .expectTemperature(Temperature.WARM);
    }

    @Test
    void everythingInOneLongMessageReachesFullData() {
        dialogue()
                .client(
                        "Здравствуйте! Город Талдыкорган, дом 12 на 9, высота 3 м, фундамент"
                                + " закрываем, 7 окон и 2 двери, проект есть 👍")
                .expectField("city", "Талдыкорган")
                .expectField("windows", 7L)
                .expectField("doors", 2L)
                .expectField("has_project", true)
                .expectStage(StageRole.FULL_DATA);
    }

    @Test
    void anEnglishSpeakingClient() {
        Dialogue.with(new PanelHousesPack())
                .locale("en")
                .client("Hello, I'm in Almaty, need a house 10x12")
                .expectField("city", "Алматы")
                .expectField("length_m", 10)
                .expectReplyContains("warehouse")
                .expectReplyAsks("height_m")
                .expectReplyContains("walls");
    }

    @Test
    void aQuestionTheKnowledgeBaseAnswersIsAnsweredFromItsEntryAndQualifyingGoesOn() {
        Dialogue.with(new PanelHousesPack())
                .packKnowledge()
                .client("окна входят в цену?")
                .expectReplyContains("проёмы под окна и двери")
                .expectReplyNotContains("Стоимость зависит")
                .expectReplyAsks("city")
                .expectEvent("knowledge.answered");
    }

    @Test
    void aQuestionNothingAnswersIsLeftPolitelyForTheSpecialistNeverInvented() {
        Dialogue.with(new PanelHousesPack())
                .packKnowledge()
                .client("Здравствуйте, мы из Караганды")
                .client("а баню строите?")
                .expectReplyContains("ответит наш специалист во время звонка")
                .expectEvent("knowledge.declined")
                .expectReplyAsks("length_m");
    }

    // ---- issue 16: names said in passing, one greeting, ask instead of guessing ----

    @Test
    void aNameSaidInPassingNextToACallRequestIsTaken() {
        dialogue()
                .client("Здравствуйте, дом 8 на 10 в Алматы")
                .client("наберите меня, Ержан, сегодня до обеда")
                .expectCallRequested()
                .expectField("name", "Ержан")
                .expectField("preferred_call_time", "сегодня до обеда")
                .expectReplyContains("Ержан")
                .expectStage(StageRole.CALL_REQUESTED);
    }

    @Test
    void aNameBetweenCommasWithATimeIsTaken() {
        dialogue()
                .client("срочно нужно, позвоните сегодня, Марат, в 15:00")
                .expectCallRequested()
                .expectField("name", "Марат")
                .expectReplyContains("Марат");
    }

    @Test
    void aNameClosingTheMessageIsTaken() {
        dialogue()
                .client("Добрый день, Шымкент, 10 на 12")
                .client("Можете перезвонить? Сергей")
                .expectCallRequested()
                .expectField("name", "Сергей")
                .expectReplyAsks("preferred_call_time");
    }

    @Test
    void kazakhNamesInEveryPattern() {
        dialogue().client("Ерлан меня зовут, интересует дом").expectField("name", "Ерлан");
        dialogue().client("это Айгерим, по поводу дома 8 на 10").expectField("name", "Айгерим");
        dialogue()
                .client("позвоните мне, Нурсултан, после обеда")
                .expectField("name", "Нурсултан")
                .expectNoField("city");
        dialogue()
                .client("Дом 6 на 8 нужен. С уважением, Жанар")
                .expectField("name", "Жанар")
                .expectField("length_m", 6);
    }

    @Test
    void aCityAGreetingOrThanksNextToACallRequestIsNoName() {
        dialogue()
                .client("Здравствуйте, перезвоните, Караганда")
                .expectCallRequested()
                .expectNoField("name")
                .expectReplyAsks("name");
        dialogue().client("спасибо, перезвоните. Спасибо").expectNoField("name");
    }

    @Test
    void theChainGreetsAndTheFirstAnswerDoesNotGreetAgain() {
        dialogue()
                .client("Здравствуйте! Интересует дом 10 на 12")
                .expectGreetingChain()
                .expectNoRepeatedGreeting()
                .expectReplyAsks("city")
                .client("Добрый день, мы из Астаны")
                .expectNoRepeatedGreeting()
                .expectField("city", "Астана");
    }

    @Test
    void aBareGreetingGetsTheChainAndAnAnswerThatDoesNotGreetAgain() {
        dialogue()
                .client("Здравствуйте")
                .expectGreetingChain()
                .expectNoRepeatedGreeting()
                .client("Алматы, 8 на 10")
                .expectNoRepeatedGreeting()
                .expectField("city", "Алматы")
                .expectField("length_m", 8);
    }

    @Test
    void aPouredFoundationIsNotAnAnswerAboutThePlinthItIsAskedAgainInOtherWords() {
        withCityAndSize("Алматы")
                .client("Фундамент уже залит")
                .expectNoField("foundation_closed")
                .expectReplyAsks("foundation_closed")
                .expectReplyContains("цоколь — это нижняя часть дома")
                .client("да, закроем панелями")
                .expectField("foundation_closed", true)
                .expectReplyAsks("windows");
    }

    @Test
    void aSecondUnclearAnswerMovesOnInsteadOfLooping() {
        withCityAndSize("Караганда")
                .client("фундамент есть")
                .expectNoField("foundation_closed")
                .expectReplyContains("Поясню вопрос")
                .client("фундамент ленточный, уже залили")
                .expectNoField("foundation_closed")
                .expectReplyContains("уточнит при звонке")
                .expectReplyAsks("windows")
                .client("окон 5, дверей 2")
                .expectField("windows", 5L)
                .expectReplyNotContains("цоколь");
    }

    @Test
    void aWindowSizeIsNotTheNumberOfWindows() {
        withCityAndSize("Астана")
                .client("закроем")
                .expectReplyAsks("windows")
                .client("окна 1,5 на 1,2")
                .expectNoField("windows")
                .expectReplyContains("количество окон")
                .expectReplyAsks("windows")
                .client("6")
                .expectField("windows", 6L);
    }

    // ---- voice notes (ADR 033): a transcript is the client's words; unheard ones ----

    @Test
    void aTranscribedVoiceNoteIsAnsweredFromItsWords() {
        dialogue()
                .voice("Здравствуйте, нам нужен дом восемь на десять, мы из Караганды")
                .expectGreetingChain()
                .expectNoRepeatedGreeting()
                .expectField("city", "Караганда")
                .expectField("length_m", 8)
                .expectField("width_m", 10)
                .expectReplyAsks("height_m")
                .expectReplyNotContains("текстом");
    }

    @Test
    void spokenSizesAndHeightInWordsAreUnderstood() {
        dialogue()
                .client("Здравствуйте, Астана")
                .voice("Смотрите, дом шесть на девять метров, высота стен два семьдесят")
                .expectField("length_m", 6)
                .expectField("width_m", 9)
                .expectField("height_m", new java.math.BigDecimal("2.7"))
                .expectReplyAsks("foundation_closed")
                .voice("Фундамент уже залит")
                .expectNoField("foundation_closed")
                .expectReplyContains("цоколь — это нижняя часть дома");
    }

    @Test
    void aSpokenCallRequestWithANameIsTaken() {
        withCityAndSize("Шымкент")
                .voice("Наберите меня, Ержан, сегодня до обеда")
                .expectCallRequested()
                .expectField("name", "Ержан")
                .expectStage(StageRole.CALL_REQUESTED);
    }

    @Test
    void anUnheardVoiceNoteIsAskedToBeWrittenOncePerSilence() {
        dialogue()
                .unheardVoice()
                .expectGreetingChain()
                .expectAskedToWrite()
                .expectReplyContains("напишите, пожалуйста, текстом")
                .unheardVoice()
                .expectNoReply()
                .client("Алматы, дом 10 на 12")
                .expectField("city", "Алматы")
                .expectReplyAsks("height_m")
                .expectReplyNotContains("текстом")
                .unheardVoice()
                .expectAskedToWrite()
                .voice("высота три метра")
                .expectField("height_m", 3)
                .expectReplyAsks("foundation_closed");
    }

    @Test
    void aFaqQuestionSpokenInAVoiceNoteIsAnsweredFromTheKnowledgeBase() {
        Dialogue d = Dialogue.with(new PanelHousesPack()).packKnowledge();
        d.voice("Здравствуйте. Подскажите, окна входят в цену?")
                .expectReplyContains("проёмы под окна и двери")
                .expectEvent("knowledge.answered")
                .expectNoRepeatedGreeting()
                .expectReplyNotContains("текстом");
    }
}
