package com.buildcrm.secret;

import com.buildcrm.config.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the master key (loaded once, see {@link MasterKeys}) and the {@link SecretBox}. Kept out
 * of {@link ServerSettings} so the key never sits in a record whose {@code toString} could be
 * logged.
 */
@ApplicationScoped
public class SecretsProducer {

    @Inject ServerSettings settings;

    private volatile MasterKey masterKey;
    private volatile SecretBox secretBox;

    /** Final classes cannot be proxied: dependent scope, one cached instance. */
    @Produces
    @Dependent
    MasterKey masterKey() {
        MasterKey key = masterKey;
        if (key == null) {
            synchronized (this) {
                key = masterKey;
                if (key == null) {
                    key =
                            MasterKeys.load(
                                    ConfigProvider.getConfig()
                                            .getOptionalValue("buildcrm.master.key", String.class),
                                    settings.dataDir(),
                                    settings.embeddedDatabase());
                    masterKey = key;
                }
            }
        }
        return key;
    }

    @Produces
    @Dependent
    SecretBox secretBox() {
        SecretBox box = secretBox;
        if (box == null) {
            box = new SecretBox(masterKey());
            secretBox = box;
        }
        return box;
    }
}
