package com.buildcrm.provisioner;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A tenant's media files as a {@link TenantArchive} carries them: paths relative to the tenant's
 * media root ({@code yyyy/mm/<id>} and its {@code <id>.meta} sidecar, ADR 005).
 */
public interface TenantMediaFiles {

    /** Paths the archive accepts: a few safe segments, no {@code ..}, no absolute path. */
    Pattern SAFE_PATH =
            Pattern.compile(
                    "^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}(/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}){0,5}$");

    /** The tenant's files, relative paths in a stable order. */
    List<String> list(long tenantId) throws IOException;

    /** Opens one of {@link #list}'s files. */
    InputStream open(long tenantId, String relativePath) throws IOException;

    /** Stores a file for a (new) tenant. */
    void put(long tenantId, String relativePath, InputStream content) throws IOException;

    /**
     * Called once an import has put every file: a store that pairs a file with its sidecar drops
     * what stayed unpaired.
     */
    default void complete(long tenantId) throws IOException {}

    /** Deletes everything of the tenant (an import that did not finish). */
    void deleteAll(long tenantId) throws IOException;

    /** No media (a database-only export or import). */
    static TenantMediaFiles none() {
        return new TenantMediaFiles() {
            @Override
            public List<String> list(long tenantId) {
                return List.of();
            }

            @Override
            public InputStream open(long tenantId, String relativePath) throws IOException {
                throw new IOException("no media store");
            }

            @Override
            public void put(long tenantId, String relativePath, InputStream content) {
                // dropped
            }

            @Override
            public void deleteAll(long tenantId) {
                // nothing stored
            }
        };
    }

    /**
     * The server's local media directory, {@code <data dir>/media}: files under {@code
     * <tenantId>/…}; each {@code .meta} sidecar names its tenant, so an imported one is rewritten
     * to the new tenant id.
     */
    static TenantMediaFiles directory(Path mediaRoot) {
        Path root = mediaRoot.toAbsolutePath().normalize();
        return new TenantMediaFiles() {
            @Override
            public List<String> list(long tenantId) throws IOException {
                Path dir = root.resolve(Long.toString(tenantId));
                if (!Files.isDirectory(dir)) {
                    return List.of();
                }
                List<String> out = new ArrayList<>();
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p :
                            (Iterable<Path>)
                                    files.filter(Files::isRegularFile).sorted()::iterator) {
                        String rel = dir.relativize(p).toString().replace('\\', '/');
                        // uploads still being written are temporary files starting with a dot
                        if (!p.getFileName().toString().startsWith(".")) {
                            out.add(rel);
                        }
                    }
                }
                return out;
            }

            @Override
            public InputStream open(long tenantId, String relativePath) throws IOException {
                return Files.newInputStream(file(tenantId, relativePath));
            }

            @Override
            public void put(long tenantId, String relativePath, InputStream content)
                    throws IOException {
                Path target = file(tenantId, relativePath);
                Files.createDirectories(target.getParent());
                if (relativePath.endsWith(".meta")) {
                    // the server writes sidecars as UTF-8 text (original names in Cyrillic);
                    // \\u escapes read the same
                    Properties meta = new Properties();
                    meta.load(new InputStreamReader(content, StandardCharsets.UTF_8));
                    meta.setProperty("tenant", Long.toString(tenantId));
                    try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                        meta.store(out, null);
                    }
                } else {
                    Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }

            @Override
            public void deleteAll(long tenantId) throws IOException {
                Path dir = root.resolve(Long.toString(tenantId));
                if (!Files.exists(dir)) {
                    return;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }

            private Path file(long tenantId, String relativePath) throws IOException {
                if (!SAFE_PATH.matcher(relativePath).matches()) {
                    throw new IOException("unsafe media path " + relativePath);
                }
                Path dir = root.resolve(Long.toString(tenantId));
                Path file = dir.resolve(relativePath).normalize();
                if (!file.startsWith(dir)) {
                    throw new IOException("unsafe media path " + relativePath);
                }
                return file;
            }
        };
    }
}
