package com.buildcrm.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.Advice;
import com.buildcrm.plugin.api.AdviceRequest;
import com.buildcrm.plugin.api.Extraction;
import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.FieldType;
import com.buildcrm.plugin.api.FollowUpText;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.KnowledgeEntry;
import com.buildcrm.plugin.api.PackDescriptor;
import com.buildcrm.plugin.api.PackMedia;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.plugin.api.QualificationField;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The field the bot asked for is taken from the message that answers it, however the client's
 * messages fall into turns: a question is answered as a question and never stored as the answer to
 * a text field (the e2e lead once showed «Город: Есть ли рассрочка?»).
 */
class AskedFieldInBurstTest {

    private static final String KNOWLEDGE =
            """
            # Рассрочка
            ? Есть ли рассрочка?
            ? Можно в рассрочку?
            Да, рассрочка через Kaspi на 12 месяцев без переплаты.

            # Сроки
            ? Какие сроки изготовления?
            Окна изготавливаем за 7–10 рабочих дней.
            """;

    private static final String INSTALMENT = "рассрочка через Kaspi";

    /** Built once: an index is immutable. */
    private static final KnowledgeBase BASE =
            KnowledgeBase.ofEntries(
                    KnowledgeEntry.parse(
                            new ByteArrayInputStream(KNOWLEDGE.getBytes(StandardCharsets.UTF_8))),
                    "kb");

    private static Conversation chat(IndustryPack pack) {
        Conversation c = new Conversation(pack, Map.of(), "ru", new RuleBrain());
        c.useKnowledge(BASE);
        return c;
    }

    /** A chat where the bot has just asked for the city. */
    private static Conversation askedForCity() {
        Conversation c = chat(new WindowsPack());
        c.clientWrites("Здравствуйте, нужны окна");
        assertEquals("city", c.state().memory().askedField());
        return c;
    }

    private static String reply(TurnOutcome o) {
        assertEquals(1, o.replies().size(), "one reply per turn: " + o.replies());
        return o.replies().get(0);
    }

    @Test
    void theCityAndAQuestionInOneTurnSaveTheCityAndAnswerTheQuestion() {
        Conversation c = askedForCity();
        String r = reply(c.clientWrites("Алматы", "Есть ли рассрочка?"));
        assertEquals("Алматы", c.state().fields().get("city"));
        assertTrue(r.contains(INSTALMENT), r);
        assertEquals("width_m", c.state().memory().askedField(), r);
    }

    @Test
    void aQuestionInsteadOfTheCityIsAnsweredAndTheCityStaysAsked() {
        Conversation c = askedForCity();
        String r = reply(c.clientWrites("Есть ли рассрочка?"));
        assertNull(c.state().fields().get("city"), "a question is not a city");
        assertTrue(r.contains(INSTALMENT), r);
        assertTrue(r.indexOf(INSTALMENT) < r.toLowerCase().indexOf("город"), r);
        assertEquals("city", c.state().memory().askedField());

        // the client answers next: the city is taken then
        c.clientWrites("Алматы");
        assertEquals("Алматы", c.state().fields().get("city"));
    }

    @Test
    void aQuestionBeforeTheCityInOneTurnIsAnsweredAndTheCitySaved() {
        Conversation c = askedForCity();
        String r = reply(c.clientWrites("Есть ли рассрочка?", "Алматы"));
        assertEquals("Алматы", c.state().fields().get("city"));
        assertTrue(r.contains(INSTALMENT), r);
        assertEquals("width_m", c.state().memory().askedField(), r);
    }

    @Test
    void questionsWithoutAQuestionMarkAreNotTakenForTheCity() {
        for (String question :
                List.of(
                        "есть ли рассрочка",
                        "а какая гарантия",
                        "сколько по времени",
                        "как оплатить",
                        "можно ли в рассрочку",
                        "а сроки какие")) {
            Conversation c = askedForCity();
            c.clientWrites(question);
            assertNull(c.state().fields().get("city"), question);
            assertEquals("city", c.state().memory().askedField(), question);
        }
    }

    @Test
    void aQuestionIsNotTakenForTheCityWithoutAKnowledgeBase() {
        Conversation c = new Conversation(new WindowsPack(), Map.of(), "ru", new RuleBrain());
        c.clientWrites("Здравствуйте, нужны окна");
        String r = reply(c.clientWrites("Алматы", "Есть ли рассрочка?"));
        assertEquals("Алматы", c.state().fields().get("city"), r);

        c = new Conversation(new WindowsPack(), Map.of(), "ru", new RuleBrain());
        c.clientWrites("Здравствуйте, нужны окна");
        r = reply(c.clientWrites("Есть ли рассрочка?"));
        assertNull(c.state().fields().get("city"), r);
        assertTrue(r.toLowerCase().contains("город"), "the city is asked again: " + r);
    }

    @Test
    void theFirstAnswerToTheAskedFieldWinsOverLaterMessagesOfTheTurn() {
        Conversation c = askedForCity();
        c.clientWrites("Каскелен", "Окна нужны в дом", "Кстати какие сроки");
        assertEquals("Каскелен", c.state().fields().get("city"));

        // a city named plainly beats a loose guess at one
        c = askedForCity();
        c.clientWrites("Окон нужно шесть", "Участок в Алматы");
        assertEquals("Алматы", c.state().fields().get("city"));
    }

    /**
     * The client's messages in the e2e test's order: whichever of them arrive together, the city is
     * the city and no question becomes a field.
     */
    @Test
    void theCityIsTheSameHoweverTheMessagesFallIntoTurns() {
        List<String> messages =
                List.of(
                        "Здравствуйте, нужны окна",
                        "Алматы",
                        "Окон нужно шесть",
                        "А сроки какие?",
                        "Есть ли рассрочка?",
                        "Можно посмотреть готовые работы?",
                        "Какая толщина стеклопакета?");
        int cuts = messages.size() - 1;
        for (int mask = 0; mask < 1 << cuts; mask++) {
            Conversation c = chat(new WindowsPack());
            List<String> burst = new ArrayList<>(List.of(messages.get(0)));
            List<List<String>> turns = new ArrayList<>();
            for (int i = 1; i < messages.size(); i++) {
                if ((mask & (1 << (i - 1))) != 0) {
                    turns.add(burst);
                    burst = new ArrayList<>();
                }
                burst.add(messages.get(i));
            }
            turns.add(burst);
            for (List<String> turn : turns) {
                c.clientWrites(turn.toArray(String[]::new));
            }
            assertEquals("Алматы", c.state().fields().get("city"), "turns " + turns);
            for (Object value : c.state().fields().values()) {
                assertFalse(
                        Questions.isQuestion(String.valueOf(value)),
                        "a question stored as a field: " + value + " in turns " + turns);
            }
        }
    }

    @Test
    void aQuestionIsNotTakenForAPackTextField() {
        Conversation c = chat(new WithProfileColour());
        c.clientWrites("Здравствуйте, нужны окна");
        c.clientWrites("Алматы");
        assertEquals("profile_colour", c.state().memory().askedField());
        String r = reply(c.clientWrites("есть ли рассрочка"));
        assertNull(c.state().fields().get("profile_colour"), r);
        assertTrue(r.contains(INSTALMENT), r);
        assertEquals("profile_colour", c.state().memory().askedField());

        c.clientWrites("а сроки какие", "белый");
        assertEquals("белый", c.state().fields().get("profile_colour"));

        // a «спасибо» before the answer is no answer either
        c = chat(new WithProfileColour());
        c.clientWrites("Здравствуйте, нужны окна");
        c.clientWrites("Алматы");
        c.clientWrites("Спасибо большое!", "Белый");
        assertEquals("Белый", c.state().fields().get("profile_colour"));
    }

    /** {@link WindowsPack} with a required text field asked right after the city. */
    private static final class WithProfileColour implements IndustryPack {
        private final WindowsPack windows = new WindowsPack();

        @Override
        public PackDescriptor descriptor() {
            return windows.descriptor();
        }

        @Override
        public List<QualificationField> qualificationSchema() {
            List<QualificationField> schema = new ArrayList<>(windows.qualificationSchema());
            schema.add(
                    2,
                    new QualificationField(
                            "profile_colour",
                            FieldType.TEXT,
                            true,
                            "Цвет профиля",
                            "Profile colour",
                            "Какой цвет профиля вам нужен?",
                            "Which profile colour do you need?"));
            return schema;
        }

        @Override
        public Extraction extract(ExtractionRequest request) {
            return windows.extract(request);
        }

        @Override
        public List<String> priceMinimumFields() {
            return windows.priceMinimumFields();
        }

        @Override
        public String industryPrompt(String locale) {
            return windows.industryPrompt(locale);
        }

        @Override
        public List<Advice> advise(AdviceRequest request) {
            return windows.advise(request);
        }

        @Override
        public List<GreetingStep> defaultGreeting(String locale) {
            return windows.defaultGreeting(locale);
        }

        @Override
        public List<FollowUpText> defaultFollowUps(String locale) {
            return windows.defaultFollowUps(locale);
        }

        @Override
        public List<PackSetting> settingsSchema() {
            return windows.settingsSchema();
        }

        @Override
        public Optional<PackMedia> media(String name) {
            return windows.media(name);
        }
    }
}
