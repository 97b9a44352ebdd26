package com.buildcrm.pack;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The java.util.logging records of the pack package while a test runs. */
final class CapturedLogs extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("com.buildcrm.pack");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    CapturedLogs() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    /** The formatted messages at WARNING or above. */
    List<String> problems() {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> r.getMessage())
                .toList();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
