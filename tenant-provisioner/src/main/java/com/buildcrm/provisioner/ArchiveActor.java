package com.buildcrm.provisioner;

/**
 * Who exported or imported a tenant, for {@code platform.audit_log}.
 *
 * @param type {@code OPERATOR} (the console, the operator API) or {@code SYSTEM} (the CLI)
 */
public record ArchiveActor(String type, Long id, String email) {

    public static ArchiveActor operator(long id, String email) {
        return new ArchiveActor("OPERATOR", id, email);
    }

    /** The CLI: a person at the database's console, named by the OS user if known. */
    public static ArchiveActor cli() {
        return new ArchiveActor("SYSTEM", null, null);
    }
}
