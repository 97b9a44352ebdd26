package com.buildcrm.followup;

import java.time.Instant;
import java.util.Objects;

/** What to do with a due follow-up step; see {@link FollowUpPlanner#decide}. */
public sealed interface Decision
        permits Decision.Send,
                Decision.Cancel,
                Decision.Postpone,
                Decision.SkipDuplicate,
                Decision.Finish {

    /** Send this text now (already rendered: {@code {name}} filled in or dropped). */
    record Send(String text) implements Decision {
        public Send {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Stop the sequence for this silence; record {@link Reason#reasonRu()} in the lead's history.
     */
    record Cancel(Reason reason) implements Decision {
        public Cancel {
            Objects.requireNonNull(reason, "reason");
        }

        /** The reason in Russian, for the lead's history. */
        public String reasonRu() {
            return reason.reasonRu();
        }
    }

    /**
     * Not now (quiet hours, or too soon after the last outbound message): run again at {@code at}.
     */
    record Postpone(Instant at) implements Decision {
        public Postpone {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * This step's text was already sent to this lead (or renders empty): do not send it, go on to
     * the next step.
     */
    record SkipDuplicate() implements Decision {}

    /**
     * No more steps, or the cap per silence is reached: flag the lead "did not answer" ({@code
     * noReply = true}), cool it and leave it alone.
     */
    record Finish() implements Decision {}

    /** Why a sequence was cancelled, in the order {@link FollowUpPlanner#decide} checks them. */
    enum Reason {
        CLIENT_REPLIED("Клиент ответил — напоминания отменены"),
        CLOSED("Сделка закрыта — напоминания отменены"),
        TAKEN_OVER("Менеджер взял диалог — напоминания отменены"),
        HANDED_OFF("Лид передан менеджеру — напоминания отменены"),
        AI_OFF_TENANT("ИИ-менеджер выключен для компании — напоминания отменены"),
        AI_OFF_LEAD("ИИ-менеджер выключен для этого лида — напоминания отменены"),
        NOT_INTERESTED("Клиент сказал, что не интересно — напоминания отменены");

        private final String reasonRu;

        Reason(String reasonRu) {
            this.reasonRu = reasonRu;
        }

        /** A human-readable Russian line for the lead's history. */
        public String reasonRu() {
            return reasonRu;
        }
    }
}
