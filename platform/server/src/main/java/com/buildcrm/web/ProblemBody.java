package com.buildcrm.web;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** RFC 9457 problem details, the body of every error response. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record ProblemBody(
        String type, String title, int status, String detail, List<FieldError> errors) {

    /** The base of our problem type URIs. */
    public static final String TYPE_BASE = "https://buildcrm.dev/problems/";
}
