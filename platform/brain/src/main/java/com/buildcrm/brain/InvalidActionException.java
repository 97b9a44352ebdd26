package com.buildcrm.brain;

/** A brain proposed an action the core refuses (unknown field, wrong type, forbidden move…). */
public class InvalidActionException extends RuntimeException {
    public InvalidActionException(String message) {
        super(message);
    }
}
