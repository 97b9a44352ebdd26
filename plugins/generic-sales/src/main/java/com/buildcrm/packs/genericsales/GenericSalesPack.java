package com.buildcrm.packs.genericsales;

import static com.buildcrm.plugin.api.FieldType.NUMBER;
import static com.buildcrm.plugin.api.FieldType.TEXT;

import com.buildcrm.plugin.api.Advice;
import com.buildcrm.plugin.api.AdviceRequest;
import com.buildcrm.plugin.api.Extraction;
import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.FollowUpText;
import com.buildcrm.plugin.api.GreetingKind;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.KnowledgeEntry;
import com.buildcrm.plugin.api.Locales;
import com.buildcrm.plugin.api.PackDescriptor;
import com.buildcrm.plugin.api.PackMedia;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.plugin.api.QualificationField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The universal pack for any business: need, city, budget, timeline and the client's name. It is
 * also the fallback when a tenant's own pack fails, so it has no media and gives no advice.
 *
 * <p>The need is asked first (it is what the client came with; a consultant asks the name once
 * there is something to talk about).
 */
@Extension
public class GenericSalesPack implements IndustryPack {

    /** Setting: the company site shown in the greeting link. */
    public static final String SITE_URL = "site_url";

    /** A placeholder until the operator sets the real site; it is not a live page. */
    static final String DEFAULT_SITE_URL = "https://example.kz";

    private final GenericSalesExtractor extractor = new GenericSalesExtractor();

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor("generic-sales", "Универсальные продажи", "Generic sales");
    }

    @Override
    public List<QualificationField> qualificationSchema() {
        BigDecimal maxText = BigDecimal.valueOf(GenericSalesExtractor.MAX_TEXT);
        return List.of(
                new QualificationField(
                        "need",
                        TEXT,
                        true,
                        "Потребность",
                        "Need",
                        "Расскажите, пожалуйста, что именно вас интересует?",
                        "Could you tell me what exactly you are looking for?",
                        null,
                        maxText),
                new QualificationField(
                        "city",
                        TEXT,
                        true,
                        "Город",
                        "City",
                        "Подскажите, пожалуйста, в каком вы городе?",
                        "Which city are you in?",
                        null,
                        BigDecimal.valueOf(80)),
                new QualificationField(
                        "budget_kzt",
                        NUMBER,
                        true,
                        "Бюджет, ₸",
                        "Budget, KZT",
                        "На какой бюджет вы ориентируетесь, в тенге?",
                        "What budget do you have in mind, in tenge?",
                        BigDecimal.ZERO,
                        null),
                new QualificationField(
                        "timeline",
                        TEXT,
                        true,
                        "Сроки",
                        "Timeline",
                        "Когда планируете решить вопрос — срочно или есть время?",
                        "When do you plan to decide — is it urgent or is there time?",
                        null,
                        BigDecimal.valueOf(100)),
                new QualificationField(
                        "name",
                        TEXT,
                        true,
                        "Имя",
                        "Name",
                        "Как я могу к вам обращаться?",
                        "How may I address you?",
                        null,
                        BigDecimal.valueOf(80)),
                new QualificationField(
                        "preferred_call_time",
                        TEXT,
                        false,
                        "Удобное время звонка",
                        "Preferred call time",
                        "Когда вам удобно созвониться с нашим специалистом?",
                        "When would it suit you to talk to our specialist?",
                        null,
                        BigDecimal.valueOf(120)));
    }

    @Override
    public Extraction extract(ExtractionRequest request) {
        return extractor.extract(request);
    }

    @Override
    public String clarifyingQuestion(String key, String locale) {
        boolean en = Locales.isEnglish(locale);
        return switch (key) {
            case "need" ->
                    en
                            ? "And what exactly would you like to buy or order? A couple of words"
                                    + " is enough, e.g. \"air conditioner for a flat\"."
                            : "А что именно хотите приобрести или заказать? Достаточно пары"
                                    + " слов, например «кондиционер в квартиру».";
            case "budget_kzt" ->
                    en
                            ? "Roughly how much are you ready to spend, in tenge? An approximate"
                                    + " figure is fine — it helps to pick the right options."
                            : "Примерно какую сумму готовы потратить, в тенге? Можно"
                                    + " ориентировочно — так проще подобрать подходящие"
                                    + " варианты.";
            case "timeline" ->
                    en
                            ? "And when would you like to have it — this month, in a couple of"
                                    + " months, or are you just looking for now?"
                            : "А когда хотели бы решить вопрос — в этом месяце, через пару"
                                    + " месяцев или пока просто присматриваетесь?";
            default -> null;
        };
    }

    @Override
    public List<String> priceMinimumFields() {
        return List.of("need");
    }

    @Override
    public String industryPrompt(String locale) {
        if (Locales.isEnglish(locale)) {
            return """
                    You are a polite sales consultant of a company; the operator's prompt tells \
                    you what it sells. Find out, one question at a time: what the client needs, \
                    their city, their budget, their timeline and their name.
                    Do not invent products, prices, discounts or terms that the operator did not \
                    give you. When the client asks about the price, learn what they need first, \
                    then offer a call with a specialist; if the client wants a call, ask their \
                    name and a convenient time.""";
        }
        return """
                Ты вежливый консультант компании; чем она торгует, сказано в промпте оператора. \
                Узнай, по одному вопросу за раз: что нужно клиенту, его город, бюджет, сроки и \
                имя.
                Не придумывай товары, цены, скидки и условия, которых нет в промпте оператора. \
                Если спрашивают цену — сначала узнай, что именно нужно, затем предложи звонок \
                специалиста; если клиент хочет звонок — спроси имя и удобное время.""";
    }

    /** The universal pack has no industry knowledge to add. */
    @Override
    public List<Advice> advise(AdviceRequest request) {
        return List.of();
    }

    @Override
    public List<GreetingStep> defaultGreeting(String locale) {
        boolean english = Locales.isEnglish(locale);
        return List.of(
                GreetingStep.text(
                        english
                                ? "Hello! 👋 Thank you for your message. I will help you choose"
                                        + " the right option and explain the terms. What are you"
                                        + " interested in?"
                                : "Здравствуйте! 👋 Спасибо за обращение. Помогу подобрать"
                                        + " подходящий вариант и расскажу об условиях. Подскажите,"
                                        + " пожалуйста, что вас интересует?"),
                new GreetingStep(
                        GreetingKind.LINK,
                        english
                                ? "More about us and our offers is on our website:"
                                : "Подробнее о нас и наших предложениях — на сайте:",
                        List.of(),
                        DEFAULT_SITE_URL));
    }

    @Override
    public List<FollowUpText> defaultFollowUps(String locale) {
        if (Locales.isEnglish(locale)) {
            return List.of(
                    new FollowUpText(15, "Could you tell me, is your question still relevant?"),
                    new FollowUpText(
                            45,
                            "When would it suit you to talk on the phone? Our specialist will"
                                    + " explain everything and find the right option."));
        }
        return List.of(
                new FollowUpText(15, "Подскажите, пожалуйста, актуален ли ещё ваш вопрос?"),
                new FollowUpText(
                        45,
                        "Когда вам удобно созвониться? Наш специалист всё подробно расскажет и"
                                + " подберёт вариант."));
    }

    @Override
    public List<PackSetting> settingsSchema() {
        return List.of(
                new PackSetting(
                        SITE_URL,
                        TEXT,
                        "Сайт компании (по умолчанию — заглушка, замените на свой)",
                        "Company website (the default is a placeholder: replace it)",
                        DEFAULT_SITE_URL));
    }

    /** No bundled media: the greeting is text and a link. */
    @Override
    public Optional<PackMedia> media(String name) {
        return Optional.empty();
    }

    /** Frequent questions and short documents, read once from the bundled resource (ADR 032). */
    private static final List<KnowledgeEntry> KNOWLEDGE =
            KnowledgeEntry.parse(
                    Objects.requireNonNull(
                            GenericSalesPack.class.getResourceAsStream("knowledge-ru.txt"),
                            "knowledge-ru.txt is bundled"));

    @Override
    public List<KnowledgeEntry> defaultKnowledge(String locale) {
        return KNOWLEDGE; // Russian: the clients of Kazakhstan write in Russian
    }
}
