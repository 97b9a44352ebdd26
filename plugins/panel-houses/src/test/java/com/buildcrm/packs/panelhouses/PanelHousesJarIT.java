package com.buildcrm.packs.panelhouses;

import com.buildcrm.testkit.PackJar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar loads with PF4J the way the server loads it, and the pack works from it. */
class PanelHousesJarIT {

    private static final Path JAR = Path.of(System.getProperty("pack.jar"));

    @Test
    void theBuiltJarIsAPf4jPluginThatExposesThePack(@TempDir Path plugins) throws Exception {
        PackJar.verifyLoads(JAR, "panel-houses", plugins);
    }

    @Test
    void theJarDoesNotBundleTheContract() throws Exception {
        PackJar.verifyContents(JAR);
    }
}
