package com.buildcrm.pack;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.plugin.api.IndustryPack;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The industry packs of this instance: PF4J plugins from the packs directory ({@code
 * BUILDCRM_PACKS_DIR}, default {@code <data dir>/packs}). At start the packs bundled in the WAR are
 * copied there when missing or different; installing another pack = dropping its jar there and
 * restarting. Every pack call is guarded ({@link GuardedPack}): a time limit ({@code
 * BUILDCRM_PACKS_CALL_TIMEOUT_MS}) and a fallback to {@value #DEFAULT_PACK}.
 */
@ApplicationScoped
public class PackHost {

    /** The universal pack: new tenants' default and every other pack's fallback. */
    public static final String DEFAULT_PACK = "generic-sales";

    @Inject ServerSettings settings;

    private volatile LoadedPacks packs = LoadedPacks.none();

    /** Installs the bundled packs and loads the directory (PlatformStartup, after storage). */
    public void start() {
        BundledPacks.install(settings.packsDir(), PackHost.class.getClassLoader());
        LoadedPacks loaded = LoadedPacks.load(settings.packsDir(), settings.packCallTimeout());
        LoadedPacks previous = packs;
        packs = loaded;
        previous.close();
    }

    @PreDestroy
    void stop() {
        packs.close();
    }

    /** The tenant's pack, guarded; an unknown or unloaded id gets {@value #DEFAULT_PACK}. */
    public IndustryPack packFor(String packId) {
        return packs.packFor(packId);
    }

    /** The loaded packs, {@value #DEFAULT_PACK} first. */
    public List<PackInfo> available() {
        return packs.available();
    }

    /** Whether a pack with this id is loaded (a tenant may be given it). */
    public boolean known(String packId) {
        return packs.known(packId);
    }
}
