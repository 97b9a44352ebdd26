package com.buildcrm.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Media under {@code <data dir>/media/<key>} with a {@code <key>.meta} sidecar (properties), both
 * published by atomic moves, the sidecar last. With several instances this directory must be shared
 * storage — or use {@link S3MediaBackend}.
 */
final class DiskMediaBackend implements MediaBackend {

    private static final String META = ".meta";

    private final Path root;

    DiskMediaBackend(Path dataDir) {
        this.root = dataDir.resolve("media").toAbsolutePath().normalize();
    }

    /** {@code <data dir>/media}. */
    Path root() {
        return root;
    }

    @Override
    public Path stagingDir(String key) throws IOException {
        Path dir = file(key).getParent();
        Files.createDirectories(dir);
        return dir;
    }

    @Override
    public void put(String key, Path staged, Map<String, String> meta) throws IOException {
        Path target = file(key);
        Path metaTmp = Files.createTempFile(target.getParent(), ".upload-", ".meta.tmp");
        try {
            Properties p = new Properties();
            p.putAll(meta);
            try (Writer writer = Files.newBufferedWriter(metaTmp, StandardCharsets.UTF_8)) {
                p.store(writer, null);
            }
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            Files.move(metaTmp, sidecar(target), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(metaTmp);
        }
    }

    @Override
    public Optional<Map<String, String>> head(String key) throws IOException {
        Path file = file(key);
        try (Reader reader = Files.newBufferedReader(sidecar(file), StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(reader);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Map<String, String> meta = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(n -> meta.put(n, p.getProperty(n)));
            return Optional.of(meta);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Found> get(String key) throws IOException {
        Optional<Map<String, String>> meta = head(key);
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        try {
            InputStream stream = Files.newInputStream(file(key));
            return Optional.of(new Found(meta.get(), stream));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> keys(String prefix) throws IOException {
        Path dir = root.resolve(prefix).normalize();
        if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !f.getFileName().toString().endsWith(META))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path file = file(key);
        boolean metaDeleted = Files.deleteIfExists(sidecar(file));
        return Files.deleteIfExists(file) || metaDeleted;
    }

    @Override
    public void check() {
        // the data dir is created and checked with the rest of the server's files
    }

    private Path file(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("not a media key");
        }
        return file;
    }

    private static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + META);
    }
}
