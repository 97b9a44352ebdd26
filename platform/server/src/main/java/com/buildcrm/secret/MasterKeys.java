package com.buildcrm.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where the master key comes from: {@code BUILDCRM_MASTER_KEY} (base64 of 32 bytes) when set;
 * otherwise, on the embedded default only, a key generated once and kept in {@code <data
 * dir>/keys/master.key} (0600), like the token signing key. With an external database the key is
 * required: several instances must share it, and a key generated per machine would make secrets
 * written by one instance unreadable by the next.
 */
public final class MasterKeys {

    /** The environment variable (MicroProfile Config key {@code buildcrm.master.key}). */
    public static final String VARIABLE = "BUILDCRM_MASTER_KEY";

    static final String FILE_NAME = "master.key";

    private static final Logger LOG = Logger.getLogger(MasterKeys.class.getName());
    private static final String HOW_TO = "generate one with: openssl rand -base64 32";

    private MasterKeys() {}

    /**
     * Loads the master key.
     *
     * @param configured the value of {@code BUILDCRM_MASTER_KEY}, if any
     * @param dataDir {@code BUILDCRM_DATA_DIR}
     * @param generateWhenUnset true on the embedded default (no {@code BUILDCRM_DB_URL})
     * @throws IllegalStateException when the configured key is malformed, or missing where it is
     *     required, or the kept key file is unreadable or malformed
     */
    public static MasterKey load(
            Optional<String> configured, Path dataDir, boolean generateWhenUnset) {
        Path file = dataDir.resolve("keys").resolve(FILE_NAME);
        Optional<String> value = configured.map(String::trim).filter(s -> !s.isEmpty());
        if (value.isPresent()) {
            MasterKey key;
            try {
                key = MasterKey.fromBase64(value.get());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        VARIABLE + " is malformed: " + e.getMessage() + "; " + HOW_TO, e);
            }
            warnIfAGeneratedKeyDiffers(file, key);
            return key;
        }
        if (!generateWhenUnset) {
            throw new IllegalStateException(
                    VARIABLE
                            + " is required with an external database (BUILDCRM_DB_URL): every"
                            + " instance must share one key; "
                            + HOW_TO);
        }
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            return generateInto(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }

    private static MasterKey read(Path file) throws IOException {
        try {
            return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the kept master key " + file + " is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * Written to a 0600 temporary file, then published atomically without replacing: if another
     * process won the race, its key is the one every secret will use, so we read it back.
     */
    private static MasterKey generateInto(Path file) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        MasterKey key = MasterKey.generate();
        if (!PrivateFiles.createOnce(file, key.toBase64() + "\n")) {
            return read(file);
        }
        LOG.info(() -> "Generated the master key in " + file + " (keep it with the data)");
        return key;
    }

    private static void warnIfAGeneratedKeyDiffers(Path file, MasterKey configured) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            MasterKey kept = read(file);
            if (!kept.sameAs(configured)) {
                LOG.warning(
                        () ->
                                VARIABLE
                                        + " differs from the key generated earlier in "
                                        + file
                                        + ": secrets saved under that key cannot be decrypted");
            }
        } catch (IOException | IllegalStateException e) {
            LOG.warning(() -> "cannot read " + file + ": " + e.getMessage());
        }
    }
}
