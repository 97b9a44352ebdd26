package com.buildcrm.tenancy;

/**
 * The tenant named in log lines written by the current thread: set where the tenant is bound (the
 * request's binding filter, every tenant unit of work) and restored when that scope ends. It holds
 * the tenant's slug and id only — never a secret. {@link TenantLogHandler} writes it into our log
 * lines.
 */
public final class TenantLogContext {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TenantLogContext() {}

    /** The label of the tenant the current thread works for, or null outside any tenant. */
    public static String current() {
        return CURRENT.get();
    }

    /** The label a tenant carries in log lines, e.g. {@code acme#1001}. */
    static String label(TenantRef tenant) {
        return tenant.slug() + "#" + tenant.id();
    }

    /**
     * Names {@code tenant} for this thread; returns the previous label to hand to {@link #restore}.
     */
    static String enter(TenantRef tenant) {
        String previous = CURRENT.get();
        CURRENT.set(label(tenant));
        return previous;
    }

    /** Puts back the label that was current before {@link #enter} (null clears it). */
    static void restore(String previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
