package com.buildcrm.brain;

import java.util.List;

/** Decides what the AI manager does in one turn. Implementations must not have side effects. */
public interface Brain {

    /** The actions for this turn, in order; replies are sent in the order given. */
    List<Action> decide(TurnInput input);
}
