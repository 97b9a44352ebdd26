package com.buildcrm.assignment;

import com.buildcrm.notify.Milestone;
import java.util.Optional;

/** A moment of a lead's life the rule may apply at (the settings' {@code on}). */
public enum AssignmentMoment {
    /** The AI moved the lead to CALL_REQUESTED. */
    CALL_REQUESTED,
    /** The AI handed the conversation to a person. */
    HANDOFF,
    /** The lead was created by a client's first message. */
    CREATED;

    /** The moment a milestone is, if the rule may apply at it. */
    static Optional<AssignmentMoment> of(Milestone milestone) {
        return switch (milestone) {
            case CALL_REQUESTED -> Optional.of(CALL_REQUESTED);
            case HANDED_OFF -> Optional.of(HANDOFF);
            case CREATED -> Optional.of(CREATED);
            default -> Optional.empty();
        };
    }
}
