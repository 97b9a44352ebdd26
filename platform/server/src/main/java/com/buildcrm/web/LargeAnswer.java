package com.buildcrm.web;

/**
 * An answer large enough that how it is written to JSON shows in a request's cost (the board, a
 * page of leads): {@link LargeAnswerWriter} writes it instead of JSON-B, with the same bytes.
 */
public interface LargeAnswer {}
