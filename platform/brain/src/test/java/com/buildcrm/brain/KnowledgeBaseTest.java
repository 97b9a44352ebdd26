package com.buildcrm.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.KnowledgeEntry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

    private static final String TEXT =
            """
            // a comment
            # Окна в комплекте
            ? Окна входят в цену?
            ? Окна идут в комплекте?
            Да, два окна ПВХ входят в комплект.

            # Гарантия
            Гарантия на панели — 5 лет.

            На монтаж — 2 года.

            # Рассрочка
            ? Можно в рассрочку?
            Да, через Kaspi на 12 месяцев.
            """;

    private final KnowledgeBase kb =
            KnowledgeBase.ofEntries(
                    KnowledgeEntry.parse(
                            new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8))),
                    "e");

    @Test
    void theResourceFormatGivesQuestionsAndDocuments() {
        List<KnowledgeBase.Item> items = kb.items();
        assertEquals(3, items.size());
        assertEquals(
                List.of("Окна входят в цену?", "Окна идут в комплекте?"), items.get(0).questions());
        assertTrue(items.get(1).document());
        assertEquals("Гарантия на панели — 5 лет.\n\nНа монтаж — 2 года.", items.get(1).answer());
    }

    @Test
    void aParaphraseWithATypoFindsItsEntry() {
        KnowledgeBase.Answer a = kb.ask("а окна в цену входят?", 3);
        assertTrue(a.confident());
        assertEquals("e1", a.best().item().id());
        assertEquals("e1", kb.ask("окна в комплекти идут?", 3).best().item().id());
    }

    @Test
    void aDocumentIsAnsweredWithTheParagraphThatMatches() {
        KnowledgeBase.Answer a = kb.ask("какая гарантия на монтаж?", 3);
        assertTrue(a.confident());
        assertEquals("На монтаж — 2 года.", a.best().passage());
    }

    @Test
    void aQuestionNothingAnswersIsNotConfident() {
        assertFalse(kb.ask("баню строите?", 3).confident());
        assertFalse(kb.ask("отопление газовое подключаете?", 3).confident());
    }

    @Test
    void theEmptyBaseAnswersNothing() {
        assertFalse(KnowledgeBase.EMPTY.ask("окна входят в цену?", 3).confident());
        assertTrue(KnowledgeBase.EMPTY.ask("окна входят в цену?", 3).top().isEmpty());
    }

    @Test
    void onlyRealQuestionsAreWorthDeclining() {
        assertFalse(kb.informative("Алло?"));
        assertTrue(kb.informative("баню строите?"));
        assertTrue(Questions.isQuestion("окна входят в цену"));
        assertTrue(Questions.isQuestion("доставка есть?"));
        assertFalse(Questions.isQuestion("что-то дорого"));
        assertFalse(Questions.isQuestion("Мы из Алматы"));
        assertTrue(Questions.isQuestion("кстати, какие сроки"));
        assertTrue(Questions.isQuestion("а сроки какие"));
        assertTrue(Questions.isQuestion("есть ли рассрочка"));
        assertFalse(Questions.isQuestion("Алматы"));
        assertFalse(Questions.isQuestion("с. Узынагаш"));
        assertFalse(Questions.isQuestion("как получится, не горит"));
        assertFalse(Questions.isQuestion("когда удобно"));
    }
}
