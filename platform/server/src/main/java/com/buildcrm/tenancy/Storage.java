package com.buildcrm.tenancy;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.db.Database;
import com.buildcrm.provisioner.PlatformMigrations;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The server's storage, started once at start-up: the database (embedded or configured), the {@code
 * platform} schema migrated, and the persistence unit.
 */
@ApplicationScoped
public class Storage {

    private static final Logger LOG = Logger.getLogger(Storage.class.getName());

    private volatile Database database;
    private volatile EntityManagers managers;
    private volatile Transactions transactions;

    public synchronized void start(ServerSettings settings) {
        if (transactions != null) {
            return;
        }
        long started = System.nanoTime();
        Database db = Database.start(settings);
        try {
            PlatformMigrations.migrate(db.dataSource());
            EntityManagers ems = new EntityManagers(db.dataSource());
            this.database = db;
            this.managers = ems;
            this.transactions = new Transactions(ems);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        LOG.info(
                () ->
                        "Storage ready in "
                                + (System.nanoTime() - started) / 1_000_000
                                + " ms"
                                + (database.embedded() ? " (embedded PostgreSQL)" : ""));
    }

    public boolean ready() {
        return transactions != null;
    }

    public Transactions transactions() {
        Transactions tx = transactions;
        if (tx == null) {
            throw new IllegalStateException("storage is not started yet");
        }
        return tx;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    @PreDestroy
    void stop() {
        if (managers != null) {
            managers.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
