package com.buildcrm.testkit;

import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.PluginApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarFile;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.VersionManager;

/**
 * Checks a built pack jar the way the platform loads it: PF4J finds and starts the plugin, the
 * {@link IndustryPack} extension is visible (a jar that bundles the plugin API classes yields
 * none), and the jar brings neither the contract nor PF4J with it.
 */
public final class PackJar {

    private PackJar() {}

    /**
     * Loads {@code jar} with PF4J at the platform's API version and calls the pack once.
     *
     * @param workDir an empty directory to use as the plugins root
     * @throws AssertionError describing the first problem
     */
    public static void verifyLoads(Path jar, String packId, Path workDir) throws IOException {
        Files.copy(jar, workDir.resolve(jar.getFileName()));
        PluginManager manager = new DefaultPluginManager(workDir);
        manager.setSystemVersion(PluginApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        try {
            expect(
                    manager.getPlugin(packId) != null
                            && manager.getPlugin(packId).getPluginState() == PluginState.STARTED,
                    "plugin " + packId + " is not STARTED");
            List<IndustryPack> packs = manager.getExtensions(IndustryPack.class, packId);
            expect(
                    packs.size() == 1,
                    "expected one IndustryPack, got "
                            + packs.size()
                            + " (a jar that bundles plugin-api classes yields none)");
            IndustryPack pack = packs.get(0);
            expect(
                    Objects.equals(packId, pack.descriptor().id()),
                    "descriptor id " + pack.descriptor().id() + " differs from " + packId);
            expect(!pack.qualificationSchema().isEmpty(), "empty qualification schema");
            pack.extract(new ExtractionRequest("Здравствуйте", Map.of(), null, Map.of()));
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }

    /**
     * The jar holds no plugin-api or PF4J classes, and its {@code Plugin-Requires} accepts this
     * contract's {@link PluginApi#VERSION} but not the next major version (a pack built against 1.x
     * declares {@code >=1.x.y & <2.0.0}).
     */
    public static void verifyContents(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            expect(
                    file.stream().noneMatch(e -> e.getName().startsWith("com/buildcrm/plugin/")),
                    "plugin-api classes must come from the host");
            expect(
                    file.stream().noneMatch(e -> e.getName().startsWith("org/pf4j/")),
                    "PF4J classes must come from the host");
            String requires = file.getManifest().getMainAttributes().getValue("Plugin-Requires");
            expect(requires != null && !requires.isBlank(), "no Plugin-Requires in the manifest");
            VersionManager versions = new DefaultVersionManager();
            expect(
                    versions.checkVersionConstraint(PluginApi.VERSION, requires),
                    "Plugin-Requires " + requires + " refuses plugin API " + PluginApi.VERSION);
            String nextMajor = (Integer.parseInt(PluginApi.VERSION.split("\\.")[0]) + 1) + ".0.0";
            expect(
                    !versions.checkVersionConstraint(nextMajor, requires),
                    "Plugin-Requires " + requires + " accepts plugin API " + nextMajor);
        }
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
