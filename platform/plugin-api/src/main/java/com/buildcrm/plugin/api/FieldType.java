package com.buildcrm.plugin.api;

/** The value type of a qualification field, as stored in the lead's {@code fields} object. */
public enum FieldType {
    /** Free text. */
    TEXT,
    /** A decimal number (e.g. metres, tenge). */
    NUMBER,
    /** A whole number (e.g. a count of windows). */
    INTEGER,
    /** Yes or no. */
    BOOLEAN
}
