package com.buildcrm.provisioner;

/** An import would take a slug another tenant already has. */
public class TenantExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String slug;

    public TenantExistsException(String slug) {
        super("a tenant with slug " + slug + " already exists; import under another slug");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
