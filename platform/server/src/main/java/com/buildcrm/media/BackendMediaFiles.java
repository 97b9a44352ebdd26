package com.buildcrm.media;

import com.buildcrm.provisioner.TenantMediaFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A tenant's media in an object store ({@link S3MediaBackend}) as a tenant archive carries them:
 * the same layout as the data directory's ({@code yyyy/mm/<id>} and its {@code <id>.meta} sidecar
 * of properties, UTF-8), so an archive exported from S3 imports onto a disk and the other way
 * round. The sidecar is made from the object's metadata on export; on import, a file and its
 * sidecar become one object with that metadata, published once both are read (the sidecar names the
 * new tenant).
 */
final class BackendMediaFiles implements TenantMediaFiles {

    private static final String META = ".meta";

    private final MediaBackend backend;

    /** Files read before their sidecar (or sidecars before their file), by relative path. */
    private final Map<String, Path> stagedFiles = new HashMap<>();

    private final Map<String, Map<String, String>> pendingMeta = new HashMap<>();

    BackendMediaFiles(MediaBackend backend) {
        this.backend = backend;
    }

    @Override
    public List<String> list(long tenantId) throws IOException {
        String prefix = tenantId + "/";
        List<String> out = new ArrayList<>();
        for (String key : backend.keys(prefix)) {
            String rel = key.substring(prefix.length());
            if (SAFE_PATH.matcher(rel + META).matches()) {
                out.add(rel);
                out.add(rel + META);
            }
        }
        return out;
    }

    @Override
    public InputStream open(long tenantId, String relativePath) throws IOException {
        String key = key(tenantId, relativePath);
        if (relativePath.endsWith(META)) {
            String file = key.substring(0, key.length() - META.length());
            Map<String, String> meta =
                    backend.head(file)
                            .orElseThrow(() -> new IOException("no media object " + file));
            Properties p = new Properties();
            p.putAll(meta);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                p.store(w, null);
            }
            return new ByteArrayInputStream(bytes.toByteArray());
        }
        return backend
                .get(key)
                .orElseThrow(() -> new IOException("no media object " + key))
                .stream();
    }

    @Override
    public void put(long tenantId, String relativePath, InputStream content) throws IOException {
        String key = key(tenantId, relativePath);
        if (relativePath.endsWith(META)) {
            String file = relativePath.substring(0, relativePath.length() - META.length());
            Properties p = new Properties();
            p.load(new InputStreamReader(content, StandardCharsets.UTF_8));
            Map<String, String> meta = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(n -> meta.put(n, p.getProperty(n)));
            meta.put("tenant", Long.toString(tenantId));
            pendingMeta.put(file, meta);
            publishIfComplete(tenantId, file);
        } else {
            Path staged = Files.createTempFile(backend.stagingDir(key), ".import-", ".tmp");
            Files.copy(content, staged, StandardCopyOption.REPLACE_EXISTING);
            Path previous = stagedFiles.put(relativePath, staged);
            if (previous != null) {
                Files.deleteIfExists(previous);
            }
            publishIfComplete(tenantId, relativePath);
        }
    }

    private void publishIfComplete(long tenantId, String file) throws IOException {
        Path staged = stagedFiles.get(file);
        Map<String, String> meta = pendingMeta.get(file);
        if (staged == null || meta == null) {
            return;
        }
        try {
            backend.put(key(tenantId, file), staged, meta);
        } finally {
            stagedFiles.remove(file);
            pendingMeta.remove(file);
            Files.deleteIfExists(staged);
        }
    }

    /** A file whose sidecar never came could not be served: it is dropped, as on a disk. */
    @Override
    public void complete(long tenantId) throws IOException {
        for (Path staged : stagedFiles.values()) {
            Files.deleteIfExists(staged);
        }
        stagedFiles.clear();
        pendingMeta.clear();
    }

    @Override
    public void deleteAll(long tenantId) throws IOException {
        complete(tenantId);
        for (String key : backend.keys(tenantId + "/")) {
            backend.delete(key);
        }
    }

    private static String key(long tenantId, String relativePath) throws IOException {
        if (!SAFE_PATH.matcher(relativePath).matches()) {
            throw new IOException("unsafe media path " + relativePath);
        }
        return tenantId + "/" + relativePath;
    }
}
