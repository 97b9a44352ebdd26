package com.buildcrm.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {

    @TempDir Path dataDir;

    @Test
    void configuredKeyIsUsedAndNothingIsWritten() {
        MasterKey key = MasterKey.generate();

        MasterKey loaded = MasterKeys.load(Optional.of(key.toBase64()), dataDir, true);

        assertThat(loaded.sameAs(key)).isTrue();
        assertThat(dataDir.resolve("keys/master.key")).doesNotExist();
    }

    @Test
    void configuredKeyMayBeUrlSafeUnpaddedOrWrapped() {
        MasterKey key = MasterKey.generate();
        byte[] raw = Base64.getDecoder().decode(key.toBase64());
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String wrapped =
                "  " + key.toBase64().substring(0, 20) + "\n" + key.toBase64().substring(20) + "\n";

        assertThat(MasterKeys.load(Optional.of(urlSafe), dataDir, false).sameAs(key)).isTrue();
        assertThat(MasterKeys.load(Optional.of(wrapped), dataDir, false).sameAs(key)).isTrue();
    }

    @Test
    void malformedConfiguredKeyIsRefusedClearly() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKeys.load(Optional.of(sixteenBytes), dataDir, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BUILDCRM_MASTER_KEY")
                .hasMessageContaining("exactly 32 bytes, got 16")
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> MasterKeys.load(Optional.of("not base64 at all!"), dataDir, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BUILDCRM_MASTER_KEY")
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("not base64 at all");
        assertThat(dataDir.resolve("keys/master.key")).doesNotExist();
    }

    @Test
    void keyIsRequiredWithAnExternalDatabase() {
        assertThatThrownBy(() -> MasterKeys.load(Optional.empty(), dataDir, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BUILDCRM_MASTER_KEY is required");
        assertThatThrownBy(() -> MasterKeys.load(Optional.of("  "), dataDir, false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void generatedKeyPersistsAcrossLoads() throws Exception {
        MasterKey first = MasterKeys.load(Optional.empty(), dataDir, true);
        String sealed = new SecretBox(first).encrypt("sk-kept", "tenant:1");

        MasterKey second = MasterKeys.load(Optional.empty(), dataDir, true);

        assertThat(second.sameAs(first)).isTrue();
        assertThat(new SecretBox(second).decrypt(sealed, "tenant:1")).isEqualTo("sk-kept");
        Path file = dataDir.resolve("keys/master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void malformedKeptKeyIsRefusedNotReplaced() throws Exception {
        Path file = dataDir.resolve("keys/master.key");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "garbage");

        assertThatThrownBy(() -> MasterKeys.load(Optional.empty(), dataDir, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master.key is malformed");
        assertThat(Files.readString(file)).isEqualTo("garbage");
    }
}
