package com.buildcrm.provisioner;

import java.util.NoSuchElementException;

/** No tenant has the given slug. */
public class UnknownTenantException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    private final String slug;

    public UnknownTenantException(String slug) {
        super("no tenant with slug " + slug);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
