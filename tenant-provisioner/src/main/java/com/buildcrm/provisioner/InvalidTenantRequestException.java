package com.buildcrm.provisioner;

import java.util.List;
import java.util.stream.Collectors;

/** A {@link NewTenant} request was rejected before anything was written. */
public class InvalidTenantRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public InvalidTenantRequestException(List<FieldError> errors) {
        super(
                "invalid tenant request: "
                        + errors.stream()
                                .map(e -> e.field() + " " + e.message())
                                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in field order; never empty. */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * One rejected field.
     *
     * @param field the request field path, e.g. {@code slug} or {@code owner.email}
     * @param message what is wrong, in English
     */
    public record FieldError(String field, String message) {}
}
