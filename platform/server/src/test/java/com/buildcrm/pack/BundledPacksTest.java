package com.buildcrm.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledPacksTest {

    @TempDir Path classes;
    @TempDir Path packsDir;

    @Test
    void bundledPacksAreCopiedWhenMissingOrDifferentAndOtherJarsAreLeftAlone() throws Exception {
        Files.createDirectories(classes.resolve("packs"));
        Files.writeString(classes.resolve("packs/bundled.list"), "# comment\na.jar\nmissing.jar\n");
        Files.write(classes.resolve("packs/a.jar"), new byte[] {1, 2, 3});
        Files.write(packsDir.resolve("operator.jar"), new byte[] {9});

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(BundledPacks.install(packsDir, loader)).containsExactly("a.jar");
            assertThat(Files.readAllBytes(packsDir.resolve("a.jar"))).containsExactly(1, 2, 3);

            assertThat(BundledPacks.install(packsDir, loader)).isEmpty();

            Files.write(packsDir.resolve("a.jar"), new byte[] {7});
            assertThat(BundledPacks.install(packsDir, loader)).containsExactly("a.jar");
            assertThat(Files.readAllBytes(packsDir.resolve("a.jar"))).containsExactly(1, 2, 3);
        }
        assertThat(Files.readAllBytes(packsDir.resolve("operator.jar"))).containsExactly(9);
        assertThat(packsDir.resolve("missing.jar")).doesNotExist();
    }
}
