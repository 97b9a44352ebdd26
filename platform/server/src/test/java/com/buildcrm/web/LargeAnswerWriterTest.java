package com.buildcrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.board.BoardViews.BoardResponse;
import com.buildcrm.board.BoardViews.ColumnResponse;
import com.buildcrm.board.BoardViews.StageCard;
import com.buildcrm.lead.LeadViews.LastMessage;
import com.buildcrm.lead.LeadViews.LeadPage;
import com.buildcrm.lead.LeadViews.LeadResponse;
import com.buildcrm.lead.LeadViews.NextActionView;
import com.buildcrm.lead.LeadViews.PersonRef;
import com.buildcrm.lead.LeadViews.StageRef;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The board and a page of leads come out of {@link LargeAnswerWriter} in exactly the bytes JSON-B
 * (Yasson, the version Payara ships) writes for them: the CRM and the outside checks see no
 * difference. Every kind of value a card can hold is varied, nulls and awkward text included.
 */
class LargeAnswerWriterTest {

    private static final Jsonb YASSON = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        YASSON.close();
    }

    @Test
    void theBoardIsWrittenAsJsonBWritesIt() throws Exception {
        Random random = new Random(17);
        List<ColumnResponse> columns = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            List<LeadResponse> leads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                leads.add(lead(random, c * 100L + i));
            }
            columns.add(
                    new ColumnResponse(
                            new StageCard(
                                    c + 1, "Этап «" + c + "»", c == 6 ? null : "NEW", c, null),
                            c * 333L,
                            c == 3,
                            c == 5 ? List.of() : leads,
                            c % 2 == 0 ? null : "eyJzIjoxfQ=="));
        }
        assertSameBytes(new BoardResponse(columns));
        assertSameBytes(new BoardResponse(List.of()));
    }

    @Test
    void aPageOfLeadsIsWrittenAsJsonBWritesIt() throws Exception {
        Random random = new Random(42);
        List<LeadResponse> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(lead(random, i));
        }
        assertSameBytes(new LeadPage(items, "abc", 1000, true));
        assertSameBytes(LeadPage.uncounted(items.subList(0, 3), null));
        assertSameBytes(new LeadPage(List.of(), null, 0, false));
    }

    @Test
    void theWriterTakesOnlyLargeAnswers() {
        LargeAnswerWriter writer = new LargeAnswerWriter();
        MediaType json = MediaType.APPLICATION_JSON_TYPE;
        assertThat(writer.isWriteable(BoardResponse.class, BoardResponse.class, null, json))
                .isTrue();
        assertThat(writer.isWriteable(LeadPage.class, LeadPage.class, null, json)).isTrue();
        assertThat(writer.isWriteable(LeadResponse.class, LeadResponse.class, null, json))
                .isFalse();
        assertThat(writer.isWriteable(Map.class, Map.class, null, json)).isFalse();
    }

    private static void assertSameBytes(LargeAnswer answer) throws Exception {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        new LargeAnswerWriter()
                .writeTo(
                        answer,
                        answer.getClass(),
                        answer.getClass(),
                        new java.lang.annotation.Annotation[0],
                        MediaType.APPLICATION_JSON_TYPE,
                        null,
                        ours);
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        YASSON.toJson(answer, theirs);
        // the one allowed difference: upper-case hex in a control character's escape (Jackson)
        // where Yasson writes lower case: the same JSON string
        String a = lowerCaseEscapes(ours.toString(StandardCharsets.UTF_8));
        String b = theirs.toString(StandardCharsets.UTF_8);
        int at = 0;
        while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
            at++;
        }
        // the first difference with some context, not two 100 KB strings
        assertThat(a.substring(Math.max(0, at - 80), Math.min(a.length(), at + 40)))
                .as("Jackson's bytes from offset %d", Math.max(0, at - 80))
                .isEqualTo(b.substring(Math.max(0, at - 80), Math.min(b.length(), at + 40)));
        assertThat(Arrays.equals(a.getBytes(StandardCharsets.UTF_8), theirs.toByteArray()))
                .isTrue();
        assertThat(a).startsWith("{\"");
    }

    private static final Pattern ESCAPE = Pattern.compile("\\\\u00[0-9A-F]{2}");

    /** Every {@code \\u00XX} escape with its hex digits in lower case. */
    private static String lowerCaseEscapes(String json) {
        return ESCAPE.matcher(json)
                .replaceAll(m -> Matcher.quoteReplacement(m.group().toLowerCase()));
    }

    @Test
    void onlyTheCaseOfAControlCharactersEscapeDiffers() throws Exception {
        LeadPage page = new LeadPage(List.of(), "a\u0001b\u001fc\nd\"e\\f\u00e9g 🏠", 0, false);
        String ours = LargeAnswerWriter.JSON.writeValueAsString(page);
        String theirs = YASSON.toJson(page);
        assertThat(ours).isNotEqualTo(theirs).isEqualToIgnoringCase(theirs);
        assertThat(ours).contains("\\u001F").contains("🏠").contains("é");
        assertThat(lowerCaseEscapes(ours)).isEqualTo(theirs);
    }

    private static final String[] TEXTS = {
        "Здравствуйте! Интересует дом 120 м² в Косшы",
        "цена \"под ключ\"? \\ и 50/50",
        "строка\nвторая\tтаб\r\u0001\u001f конец",
        "emoji 🏠👍 и \u2028 разделитель",
        "",
        "Aliya <b>&amp;</b> 'quotes'",
    };

    private static final OffsetDateTime T0 =
            OffsetDateTime.of(2026, 12, 6, 3, 0, 0, 0, ZoneOffset.UTC);

    private static OffsetDateTime time(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> null;
            case 1 -> T0; // whole minute: no seconds written
            case 2 -> T0.plusSeconds(r.nextInt(100_000)).withNano(r.nextInt(1000) * 1_000_000);
            case 3 -> T0.plusNanos(r.nextLong(1_000_000_000_000L));
            default -> T0.withOffsetSameInstant(ZoneOffset.ofHours(5)).plusSeconds(7);
        };
    }

    private static String text(Random r) {
        return r.nextInt(6) == 0 ? null : TEXTS[r.nextInt(TEXTS.length)];
    }

    private static LeadResponse lead(Random r, long id) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("city", text(r));
        fields.put("budget", r.nextBoolean() ? (Object) (long) r.nextInt(50_000_000) : null);
        fields.put("area", new BigDecimal(r.nextInt(20000)).movePointLeft(r.nextInt(4)));
        fields.put("big", new BigDecimal("1E+3"));
        fields.put("mortgage", r.nextBoolean());
        fields.put("rooms", List.of(1L, "две", true));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("b", "вложенный");
        nested.put("a", null);
        fields.put("extra", nested);
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("name", "PROFILE");
        sources.put("city", r.nextBoolean() ? "CLIENT" : "PERSON");
        NextActionView next =
                switch (r.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> new NextActionView("CLIENT_WAITING", text(r), 90, null, null);
                    default -> new NextActionView("CALL_DUE", "Позвонить", 70, time(r), id * 3);
                };
        return new LeadResponse(
                id,
                text(r),
                r.nextBoolean() ? "+7 707 123 45 67" : null,
                text(r),
                new StageRef(id % 7, "Новый", r.nextBoolean() ? "NEW" : null),
                r.nextBoolean() ? "HOT" : null,
                r.nextInt(101) - (r.nextInt(10) == 0 ? 200 : 0),
                r.nextBoolean() ? "AI" : "HUMAN",
                r.nextBoolean() ? new PersonRef(3, "Айгерим") : null,
                r.nextBoolean() ? new PersonRef(4, null) : null,
                r.nextBoolean() ? new LastMessage(text(r), "IN", time(r)) : null,
                time(r),
                r.nextBoolean(),
                r.nextInt(8) == 0 ? Map.of() : fields,
                text(r),
                time(r),
                time(r),
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean(),
                next,
                r.nextInt(8) == 0 ? null : sources);
    }
}
