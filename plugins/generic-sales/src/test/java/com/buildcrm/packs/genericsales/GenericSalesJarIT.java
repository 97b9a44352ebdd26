package com.buildcrm.packs.genericsales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.PluginApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/** The built jar loads with PF4J the way the server loads it, and the pack works from it. */
class GenericSalesJarIT {

    @Test
    void theBuiltJarIsAPf4jPluginThatExposesThePack(@TempDir Path plugins) throws Exception {
        Path jar = Path.of(System.getProperty("pack.jar"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        PluginManager manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion(PluginApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        try {
            assertEquals(PluginState.STARTED, manager.getPlugin("generic-sales").getPluginState());
            List<IndustryPack> packs = manager.getExtensions(IndustryPack.class, "generic-sales");
            assertEquals(1, packs.size(), "a jar that bundles plugin-api classes yields none");
            IndustryPack pack = packs.get(0);
            assertEquals("generic-sales", pack.descriptor().id());
            assertFalse(pack.qualificationSchema().isEmpty());
            pack.extract(new ExtractionRequest("Здравствуйте", Map.of(), null, Map.of()));
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }

    @Test
    void theJarDoesNotBundleTheContract() throws Exception {
        try (JarFile jar = new JarFile(System.getProperty("pack.jar"))) {
            assertFalse(
                    jar.stream().anyMatch(e -> e.getName().startsWith("com/buildcrm/plugin/")),
                    "plugin-api classes must come from the host");
            assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("org/pf4j/")));
            assertEquals(
                    ">=1.0.0 & <2.0.0",
                    jar.getManifest().getMainAttributes().getValue("Plugin-Requires"));
        }
    }
}
