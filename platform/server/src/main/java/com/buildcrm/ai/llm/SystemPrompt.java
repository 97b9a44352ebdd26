package com.buildcrm.ai.llm;

import com.buildcrm.brain.AiMemory;
import com.buildcrm.brain.KnowledgeBase;
import com.buildcrm.brain.LeadState;
import com.buildcrm.brain.TurnInput;
import com.buildcrm.plugin.api.Locales;
import com.buildcrm.plugin.api.QualificationField;
import java.util.List;
import java.util.Map;

/**
 * The LLM's system prompt: platform instructions, the pack's industry knowledge, the tenant's
 * prompt, the qualification schema with what is still missing, and the lead's current state.
 */
final class SystemPrompt {

    private static final String PLATFORM_RU =
            """
            Ты — вежливый консультант по продажам компании и переписываешься с клиентом в WhatsApp.
            Пиши по-русски (если клиент пишет на другом языке — отвечай на его языке), коротко: \
            1–3 предложения в сообщении, без канцелярита, без markdown.
            Никогда не придумывай цены, сроки, скидки и факты о компании, которых нет ниже; \
            если не знаешь — предложи звонок менеджера.
            Твоя задача — вежливо выяснить недостающие данные (по одному вопросу за раз) и, когда \
            клиент готов, договориться о звонке.
            Действуй только через инструменты: reply — сообщение клиенту; save_fields — данные, \
            которые клиент ясно назвал; asked_field — какое поле ты спрашиваешь; request_call — \
            клиент хочет звонок; set_temperature — оценка лида; not_interested — клиенту не \
            интересно; hand_off — нужен живой менеджер; send_greeting_step — повторить материалы.
            """;

    private static final String PLATFORM_EN =
            """
            You are a polite sales consultant of the company, chatting with a client in WhatsApp.
            Write in English (answer in the client's language if they write in another one), \
            briefly: 1–3 sentences per message, no jargon, no markdown.
            Never invent prices, deadlines, discounts or facts about the company that are not \
            given below; if you do not know, offer a call with a manager.
            Your goal is to politely learn the missing data (one question at a time) and, when the \
            client is ready, arrange a call.
            Act only through the tools: reply — a message to the client; save_fields — data the \
            client stated clearly; asked_field — which field you are asking for; request_call — \
            the client wants a call; set_temperature — rate the lead; not_interested — the client \
            is not interested; hand_off — a human manager is needed; send_greeting_step — send \
            the materials again.
            """;

    private SystemPrompt() {}

    static String build(
            TurnInput input,
            LlmConfig config,
            List<QualificationField> schema,
            String industryPrompt,
            int greetingStepCount) {
        boolean en = Locales.isEnglish(input.locale());
        StringBuilder p = new StringBuilder(en ? PLATFORM_EN : PLATFORM_RU);
        section(p, en ? "Industry" : "Отрасль", industryPrompt);
        section(p, en ? "Company instructions" : "Инструкции компании", input.tenantPrompt());
        if (!config.prompt().isBlank() && !config.prompt().equals(input.tenantPrompt())) {
            section(p, en ? "Operator instructions" : "Инструкции оператора", config.prompt());
        }
        if (!input.packSettings().isEmpty()) {
            StringBuilder s = new StringBuilder();
            input.packSettings()
                    .forEach(
                            (k, v) -> s.append("- ").append(k).append(": ").append(v).append('\n'));
            section(p, en ? "Company settings" : "Настройки компании", s.toString());
        }

        LeadState state = input.state();
        Map<String, Object> known = state.fields();
        StringBuilder fields = new StringBuilder();
        StringBuilder missing = new StringBuilder();
        for (QualificationField f : schema) {
            fields.append("- ")
                    .append(f.key())
                    .append(" (")
                    .append(f.type().name().toLowerCase())
                    .append(f.required() ? (en ? ", required" : ", обязательное") : "")
                    .append(f.min() != null ? ", min " + f.min().toPlainString() : "")
                    .append(f.max() != null ? ", max " + f.max().toPlainString() : "")
                    .append("): ")
                    .append(f.label(input.locale()))
                    .append(en ? "; ask: " : "; вопрос: ")
                    .append(f.question(input.locale()))
                    .append(en ? "; value: " : "; значение: ")
                    .append(known.containsKey(f.key()) ? String.valueOf(known.get(f.key())) : "—")
                    .append('\n');
            if (!known.containsKey(f.key())) {
                if (missing.length() > 0) {
                    missing.append(", ");
                }
                missing.append(f.key()).append(f.required() ? "*" : "");
            }
        }
        section(p, en ? "Qualification fields" : "Поля квалификации", fields.toString());
        section(
                p,
                en ? "Still missing (* = required)" : "Ещё не известно (* — обязательные)",
                missing.length() == 0 ? (en ? "nothing" : "всё известно") : missing.toString());

        AiMemory m = state.memory();
        StringBuilder lead = new StringBuilder();
        if (input.greeted()) {
            lead.append(
                    en
                            ? "the client has been greeted already: do not greet again\n"
                            : "клиента уже поприветствовали: не здоровайся снова\n");
        }
        lead.append(en ? "stage: " : "этап: ")
                .append(state.stageRole() == null ? "custom" : state.stageRole().name())
                .append('\n')
                .append(en ? "temperature: " : "температура: ")
                .append(state.temperature().name())
                .append('\n')
                .append(en ? "last asked field: " : "последний заданный вопрос: ")
                .append(m.askedField() == null ? "—" : m.askedField())
                .append('\n')
                .append(en ? "wants a call: " : "хочет звонок: ")
                .append(m.callWanted())
                .append('\n')
                .append(en ? "call offered: " : "звонок предложен: ")
                .append(m.callOffered())
                .append('\n')
                .append(en ? "price asked times: " : "спрашивал цену раз: ")
                .append(m.priceAsks())
                .append('\n')
                .append(en ? "said not interested: " : "говорил, что не интересно: ")
                .append(m.notInterested())
                .append('\n');
        if (greetingStepCount > 0) {
            lead.append(en ? "greeting steps available: " : "шагов приветствия: ")
                    .append(greetingStepCount)
                    .append('\n');
        }
        section(p, en ? "The lead now" : "Лид сейчас", lead.toString());
        knowledge(p, input, en);
        return p.toString().strip();
    }

    /** Entries of the tenant's knowledge base shown to the LLM for one turn (ADR 032). */
    static final int GROUNDING_ENTRIES = 5;

    /**
     * The knowledge base's best entries for the client's messages, as the only facts the LLM may
     * state, and the rule that says so.
     */
    private static void knowledge(StringBuilder p, TurnInput input, boolean en) {
        KnowledgeBase kb = input.knowledge();
        if (kb == null) {
            return;
        }
        KnowledgeBase.Answer answer = kb.ask(String.join("\n", input.burst()), GROUNDING_ENTRIES);
        StringBuilder b = new StringBuilder();
        b.append(
                en
                        ? "Answer the client's questions ONLY from these entries of the company's"
                                + " knowledge base. Do not state any fact (price, deadline, material,"
                                + " warranty, delivery, payment) that is not written here. If they do"
                                + " not answer the question, say politely that a specialist will"
                                + " answer it during the call, and go on qualifying.\n"
                        : "Отвечай на вопросы клиента ТОЛЬКО по этим записям базы знаний компании."
                                + " Не сообщай никаких фактов (цены, сроки, материалы, гарантия,"
                                + " доставка, оплата), которых здесь нет. Если записи не отвечают на"
                                + " вопрос — вежливо скажи, что на него ответит специалист во время"
                                + " звонка, и продолжай уточнять данные.\n");
        if (answer.top().isEmpty()) {
            b.append(en ? "(no entry fits these messages)\n" : "(подходящих записей нет)\n");
        }
        for (KnowledgeBase.Match m : answer.top()) {
            b.append("- [")
                    .append(m.item().title())
                    .append("] ")
                    .append(m.passage().replace('\n', ' '))
                    .append('\n');
        }
        section(p, en ? "Knowledge base" : "База знаний", b.toString());
    }

    private static void section(StringBuilder p, String title, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        p.append("\n## ").append(title).append('\n').append(body.strip()).append('\n');
    }
}
