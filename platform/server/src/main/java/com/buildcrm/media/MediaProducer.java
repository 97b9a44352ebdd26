package com.buildcrm.media;

import com.buildcrm.config.ScaleOutSettings;
import com.buildcrm.config.ServerSettings;
import com.buildcrm.secret.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/** Produces the media store (the data dir or S3, by the settings) and the media URL signer. */
@ApplicationScoped
public class MediaProducer {

    @Inject ServerSettings settings;
    @Inject ScaleOutSettings scaleOut;
    @Inject Clock clock;

    private volatile MediaStore store;
    private volatile SignedUrls urls;

    /** Final classes cannot be proxied: dependent scope, one cached instance. */
    @Produces
    @Dependent
    MediaStore mediaStore() {
        MediaStore s = store;
        if (s == null) {
            s = MediaStore.configured(scaleOut.media(), settings.dataDir(), clock);
            store = s;
        }
        return s;
    }

    @Produces
    @Dependent
    SignedUrls signedUrls(MasterKey masterKey) {
        SignedUrls u = urls;
        if (u == null) {
            u = new SignedUrls(masterKey, clock);
            urls = u;
        }
        return u;
    }
}
