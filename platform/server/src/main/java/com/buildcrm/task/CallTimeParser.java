package com.buildcrm.task;

import java.time.ZonedDateTime;

/** SKELETON: the phrases land with issue 14's parser work; the signature is the contract. */
public final class CallTimeParser {

    private CallTimeParser() {}

    /**
     * The call time the client's words name, seen at {@code now} (in the tenant's zone), with the
     * tenant's working hours for vague words; never in the past.
     */
    public static CallTime parse(String words, ZonedDateTime now, WorkingHours hours) {
        return new CallTime(null, words);
    }
}
