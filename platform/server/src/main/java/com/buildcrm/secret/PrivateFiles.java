package com.buildcrm.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only the server's user may read (0600 where the file system has POSIX permissions): kept
 * keys and passwords generated once in {@code <data dir>/keys}.
 */
public final class PrivateFiles {

    private PrivateFiles() {}

    /** A new empty 0600 temporary file in {@code dir}; the caller deletes it. */
    public static Path tempFile(Path dir, String prefix) throws IOException {
        try {
            return Files.createTempFile(
                    dir,
                    prefix,
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, prefix, ".tmp");
        }
    }

    /**
     * Writes {@code content} (US-ASCII) to a 0600 temporary file next to {@code file}, then
     * publishes it as {@code file} atomically without replacing (a hard link, or an atomic move
     * where hard links are unsupported), so processes racing on a new data directory agree on one
     * value.
     *
     * @return true when this call created {@code file}; false when another process won the race and
     *     its content is the one to read back
     */
    public static boolean createOnce(Path file, String content) throws IOException {
        Path tmp = tempFile(file.getParent(), file.getFileName().toString());
        try {
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException lostTheRace) {
                return false;
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }
}
