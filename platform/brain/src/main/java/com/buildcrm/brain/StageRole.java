package com.buildcrm.brain;

/** System roles of funnel stages (DESIGN §5). Custom stages have no role ({@code null}). */
public enum StageRole {
    NEW,
    IN_PROGRESS,
    CALL_REQUESTED,
    PARTIAL_DATA,
    FULL_DATA,
    WON,
    LOST;

    /** The roles the AI may move a lead between. */
    public boolean aiMayEnter() {
        return this != WON && this != LOST;
    }
}
