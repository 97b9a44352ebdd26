package com.buildcrm.packs.panelhouses;

import static com.buildcrm.plugin.api.FieldType.BOOLEAN;
import static com.buildcrm.plugin.api.FieldType.INTEGER;
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
import com.buildcrm.plugin.api.MediaItem;
import com.buildcrm.plugin.api.PackDescriptor;
import com.buildcrm.plugin.api.PackMedia;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.plugin.api.QualificationField;
import com.buildcrm.plugin.api.text.TextNormalizer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The first customer's pack: panel (sandwich-panel) houses sold across Kazakhstan.
 *
 * <p>The default greeting chain is text → album of three panel pictures → link to the site. A voice
 * note is not part of the default (no recording ships with the pack); an operator may add a VOICE
 * step with their own audio in the tenant's greeting chain.
 */
@Extension
public class PanelHousesPack implements IndustryPack {

    /** Setting: the company site shown in the greeting link. */
    public static final String SITE_URL = "site_url";

    /** Setting: where Almaty clients pick the panels up. */
    public static final String WAREHOUSE_ADDRESS = "warehouse_address";

    /** Setting: an extra sentence about delivery (terms, prices, lead time). */
    public static final String DELIVERY_NOTE = "delivery_note";

    /** A placeholder until the operator sets the real site; it is not a live page. */
    static final String DEFAULT_SITE_URL = "https://example.kz/panel-houses";

    private static final Set<String> ALMATY =
            Set.of("алматы", "алма-ата", "алма ата", "алмата", "almaty", "alma-ata", "alma ata");

    private final PanelHousesExtractor extractor = new PanelHousesExtractor();
    private final PlaceholderImages images = new PlaceholderImages();

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor("panel-houses", "Панельные дома", "Panel houses");
    }

    @Override
    public List<QualificationField> qualificationSchema() {
        BigDecimal minSide = PanelHousesExtractor.MIN_SIDE;
        BigDecimal maxSide = PanelHousesExtractor.MAX_SIDE;
        BigDecimal maxOpenings = BigDecimal.valueOf(PanelHousesExtractor.MAX_OPENINGS);
        return List.of(
                new QualificationField(
                        "city",
                        TEXT,
                        true,
                        "Город",
                        "City",
                        "Подскажите, пожалуйста, в каком городе планируете строительство?",
                        "Could you tell me which city you plan to build in?",
                        null,
                        BigDecimal.valueOf(80)),
                new QualificationField(
                        "length_m",
                        NUMBER,
                        true,
                        "Длина, м",
                        "Length, m",
                        "Какие размеры дома планируете? Напишите, пожалуйста, длину и ширину,"
                                + " например «10 на 12».",
                        "What size of house do you have in mind? Please write the length and"
                                + " width, e.g. \"10 by 12\".",
                        minSide,
                        maxSide),
                new QualificationField(
                        "width_m",
                        NUMBER,
                        true,
                        "Ширина, м",
                        "Width, m",
                        "А какая будет ширина дома, в метрах?",
                        "And how wide will the house be, in metres?",
                        minSide,
                        maxSide),
                new QualificationField(
                        "height_m",
                        NUMBER,
                        true,
                        "Высота стен, м",
                        "Wall height, m",
                        "Какая высота стен нужна? Обычно делают от 2,7 до 3 метров.",
                        "How high should the walls be? Usually it is 2.7 to 3 metres.",
                        PanelHousesExtractor.MIN_HEIGHT,
                        PanelHousesExtractor.MAX_HEIGHT),
                new QualificationField(
                        "foundation_closed",
                        BOOLEAN,
                        true,
                        "Закрытие фундамента",
                        "Foundation closed",
                        "Планируете закрывать фундамент (цоколь) панелями?",
                        "Do you plan to close the foundation (plinth) with panels?"),
                new QualificationField(
                        "windows",
                        INTEGER,
                        true,
                        "Окна, шт.",
                        "Windows",
                        "Сколько окон планируете в доме?",
                        "How many windows are you planning?",
                        BigDecimal.ZERO,
                        maxOpenings),
                new QualificationField(
                        "doors",
                        INTEGER,
                        true,
                        "Двери, шт.",
                        "Doors",
                        "А сколько будет дверей?",
                        "And how many doors?",
                        BigDecimal.ZERO,
                        maxOpenings),
                new QualificationField(
                        "has_project",
                        BOOLEAN,
                        true,
                        "Есть проект или фото",
                        "Has a project or photos",
                        "Есть ли у вас проект дома или фото того, что хотите? Можно прислать"
                                + " прямо сюда.",
                        "Do you have a house project or photos of what you want? You can send"
                                + " them right here."),
                new QualificationField(
                        "name",
                        TEXT,
                        false,
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
            case "foundation_closed" ->
                    en
                            ? "Let me explain: the plinth is the lower part of the house between"
                                    + " the foundation and the floor. It can be closed with our"
                                    + " sandwich panels so it stays warm and neat underneath. Will"
                                    + " you close the plinth with panels?"
                            : "Поясню вопрос: цоколь — это нижняя часть дома от фундамента до"
                                    + " пола. Его можно закрыть нашими сэндвич-панелями, чтобы"
                                    + " снизу было тепло и аккуратно. Будете закрывать цоколь"
                                    + " панелями?";
            case "windows" ->
                    en
                            ? "Just to be clear, I need the number of windows rather than their"
                                    + " size — how many windows will the house have?"
                            : "Поясню: сейчас важно количество окон, размеры уточним позже."
                                    + " Сколько всего окон будет в доме?";
            case "doors" ->
                    en
                            ? "Just to be clear, I need the number of doors rather than their"
                                    + " size — how many doors, the entrance one included?"
                            : "Поясню: сейчас важно количество дверей, размеры уточним позже."
                                    + " Сколько всего дверей, вместе с входной?";
            case "has_project" ->
                    en
                            ? "Let me explain: a house project or any photos of a house you like"
                                    + " would help us. Do you have something like that? You can"
                                    + " send it right here."
                            : "Поясню: нам поможет проект дома или любые фото и картинки дома,"
                                    + " который вам нравится. Есть что-то такое? Можно прислать"
                                    + " прямо сюда.";
            default -> null;
        };
    }

    @Override
    public List<String> priceMinimumFields() {
        return List.of("city", "length_m", "width_m");
    }

    @Override
    public String industryPrompt(String locale) {
        if (Locales.isEnglish(locale)) {
            return """
                    You advise clients of a company that makes and builds panel houses in \
                    Kazakhstan: warm houses from sandwich panels (steel skins with an insulating \
                    core), assembled in days on a prepared foundation.
                    Ask politely, one question at a time: the city of construction; the house \
                    size (length and width, then wall height, usually 2.7–3 m); whether they will \
                    close the foundation (plinth) with panels; how many windows and doors; \
                    whether they have a project or photos (they may send them in the chat).
                    Clients in Almaty can pick the panels up at our warehouse; everyone else gets \
                    delivery across Kazakhstan.
                    Never name or promise a price or a discount: the price depends on the size, \
                    windows, doors and delivery. Offer a call with a specialist who will calculate \
                    it; if the client wants a call, ask their name and a convenient time.""";
        }
        return """
                Ты консультируешь клиентов компании, которая производит и строит панельные дома \
                в Казахстане: тёплые дома из сэндвич-панелей (стальные листы с утеплителем \
                внутри), монтаж за несколько дней на готовый фундамент.
                Вежливо, по одному вопросу за раз, узнай: город строительства; размеры дома \
                (длина и ширина, затем высота стен, обычно 2,7–3 м); будут ли закрывать фундамент \
                (цоколь) панелями; сколько окон и дверей; есть ли проект или фото (можно прислать \
                в чат).
                Клиенты из Алматы могут забрать панели самовывозом с нашего склада; в другие \
                города — доставка по всему Казахстану.
                Никогда не называй и не обещай цену или скидку: она зависит от размеров, окон, \
                дверей и доставки. Предложи звонок специалиста, который всё посчитает; если \
                клиент хочет звонок — спроси имя и удобное время.""";
    }

    @Override
    public List<Advice> advise(AdviceRequest request) {
        Object city = request.fields().get("city");
        if (!(city instanceof String name) || name.isBlank()) {
            return List.of();
        }
        boolean english = Locales.isEnglish(request.locale());
        if (isAlmaty(name)) {
            if (request.alreadyGiven().contains("city.almaty")) {
                return List.of();
            }
            String address = request.settings().get(WAREHOUSE_ADDRESS);
            boolean hasAddress = address != null && !address.isBlank();
            String text =
                    english
                            ? "Our warehouse is in Almaty, so you can pick the panels up yourself"
                                    + (hasAddress ? " at " + address.strip() : "")
                                    + " — or we deliver them to your plot."
                            : "Наш склад находится в Алматы, так что панели можно забрать"
                                    + " самовывозом"
                                    + (hasAddress ? " по адресу: " + address.strip() : "")
                                    + " — или привезём прямо на участок.";
            return List.of(new Advice("city.almaty", text));
        }
        if (request.alreadyGiven().contains("city.delivery")) {
            return List.of();
        }
        String note = request.settings().get(DELIVERY_NOTE);
        String text =
                english
                        ? "We deliver panels all over Kazakhstan, including " + name.strip() + "."
                        : "Мы доставляем панели по всему Казахстану — в г. "
                                + name.strip()
                                + " тоже привезём.";
        if (note != null && !note.isBlank()) {
            text = text + " " + note.strip();
        }
        return List.of(new Advice("city.delivery", text));
    }

    static boolean isAlmaty(String city) {
        String c = TextNormalizer.normalize(city).replace('.', ' ').replace(',', ' ');
        c = c.replaceAll("\\s+", " ").strip().replaceFirst("^(г|гор|город|city of) ", "");
        return ALMATY.contains(c) || c.startsWith("алматы ");
    }

    @Override
    public List<GreetingStep> defaultGreeting(String locale) {
        boolean english = Locales.isEnglish(locale);
        GreetingStep hello =
                GreetingStep.text(
                        english
                                ? "Hello! 👋 Thank you for writing to us. We make warm panel"
                                        + " houses and assemble them in days, anywhere in"
                                        + " Kazakhstan. Tell me, please, what house are you"
                                        + " thinking of — its size and the city?"
                                : "Здравствуйте! 👋 Спасибо, что написали. Мы производим тёплые"
                                        + " дома из сэндвич-панелей и собираем их за несколько"
                                        + " дней по всему Казахстану. Расскажите, пожалуйста,"
                                        + " какой дом вы рассматриваете — размеры и город?");
        GreetingStep album =
                new GreetingStep(
                        GreetingKind.ALBUM,
                        null,
                        List.of(
                                new MediaItem(
                                        PlaceholderImages.WALL_PANEL,
                                        english
                                                ? "Sandwich wall panel, 150 mm"
                                                : "Стеновая сэндвич-панель 150 мм"),
                                new MediaItem(
                                        PlaceholderImages.ASSEMBLY,
                                        english
                                                ? "An 8×10 house assembled in 5 days"
                                                : "Монтаж дома 8×10 за 5 дней"),
                                new MediaItem(
                                        PlaceholderImages.READY_HOUSE,
                                        english
                                                ? "A finished house in the Almaty region"
                                                : "Готовый дом в Алматинской области")),
                        null);
        GreetingStep link =
                new GreetingStep(
                        GreetingKind.LINK,
                        english
                                ? "Projects, photos of finished houses and answers to common"
                                        + " questions are on our website:"
                                : "Проекты, фото готовых домов и ответы на частые вопросы — на"
                                        + " нашем сайте:",
                        List.of(),
                        DEFAULT_SITE_URL);
        return List.of(hello, album, link);
    }

    @Override
    public List<FollowUpText> defaultFollowUps(String locale) {
        if (Locales.isEnglish(locale)) {
            return List.of(
                    new FollowUpText(15, "Could you tell me, is the house still of interest?"),
                    new FollowUpText(
                            45,
                            "When would it suit you to talk on the phone? Our specialist will"
                                    + " explain everything and calculate the cost."));
        }
        return List.of(
                new FollowUpText(15, "Подскажите, пожалуйста, актуален ли ещё вопрос по дому?"),
                new FollowUpText(
                        45,
                        "Когда вам удобно созвониться? Наш специалист всё подробно расскажет и"
                                + " посчитает."));
    }

    @Override
    public List<PackSetting> settingsSchema() {
        return List.of(
                new PackSetting(
                        SITE_URL,
                        TEXT,
                        "Сайт компании (по умолчанию — заглушка, замените на свой)",
                        "Company website (the default is a placeholder: replace it)",
                        DEFAULT_SITE_URL),
                new PackSetting(
                        WAREHOUSE_ADDRESS,
                        TEXT,
                        "Адрес склада в Алматы (для самовывоза)",
                        "Warehouse address in Almaty (for pickup)",
                        null),
                new PackSetting(
                        DELIVERY_NOTE,
                        TEXT,
                        "Примечание о доставке (необязательно)",
                        "Delivery note (optional)",
                        null));
    }

    @Override
    public Optional<PackMedia> media(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return images.png(name).map(bytes -> new PackMedia(name, "image/png", bytes));
    }

    /** Frequent questions and short documents, read once from the bundled resource (ADR 032). */
    private static final List<KnowledgeEntry> KNOWLEDGE =
            KnowledgeEntry.parse(
                    Objects.requireNonNull(
                            PanelHousesPack.class.getResourceAsStream("knowledge-ru.txt"),
                            "knowledge-ru.txt is bundled"));

    @Override
    public List<KnowledgeEntry> defaultKnowledge(String locale) {
        return KNOWLEDGE; // Russian: the clients of Kazakhstan write in Russian
    }
}
