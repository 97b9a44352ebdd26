package com.buildcrm.tenancy;

import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the thread's tenant ({@link TenantLogContext}) into our log lines. Installed on the {@code
 * com.buildcrm} logger in place of its parent handlers: it prefixes each record's message with
 * {@code [tenant <slug>#<id>]} when the thread works for a tenant and hands the record on to the
 * root logger's handlers (Payara's console and log file), so every formatter Payara is configured
 * with shows it. A class inside the application cannot be named in Payara Micro's {@code
 * --logProperties} file (that is read by the system class loader before the application exists),
 * hence a handler installed at start-up rather than a configured formatter.
 */
public final class TenantLogHandler extends Handler {

    /** The logger of all our classes. */
    public static final String OUR_LOGGERS = "com.buildcrm";

    private final Supplier<Handler[]> targets;

    /** Hands records on to the root logger's handlers. */
    public TenantLogHandler() {
        this(() -> Logger.getLogger("").getHandlers());
    }

    TenantLogHandler(Supplier<Handler[]> targets) {
        this.targets = targets;
    }

    /** Installs the handler on {@code logger}; returns it, for {@link #uninstall}. */
    static TenantLogHandler install(Logger logger, TenantLogHandler handler) {
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        return handler;
    }

    /** Undoes {@link #install}. */
    static void uninstall(Logger logger, TenantLogHandler handler) {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
    }

    @Override
    public void publish(LogRecord logRecord) {
        String tenant = TenantLogContext.current();
        if (tenant != null && logRecord.getMessage() != null) {
            logRecord.setMessage("[tenant " + tenant + "] " + logRecord.getMessage());
        }
        for (Handler target : targets.get()) {
            if (target != this && target.isLoggable(logRecord)) {
                target.publish(logRecord);
            }
        }
    }

    @Override
    public void flush() {
        for (Handler target : targets.get()) {
            if (target != this) {
                target.flush();
            }
        }
    }

    @Override
    public void close() {
        // the targets belong to the root logger
    }
}
