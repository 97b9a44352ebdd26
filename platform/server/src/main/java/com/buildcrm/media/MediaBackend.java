package com.buildcrm.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link MediaStore} keeps its files: the data dir ({@link DiskMediaBackend}) or a bucket of
 * an S3-compatible object store ({@link S3MediaBackend}), chosen by {@code BUILDCRM_MEDIA_STORE}. A
 * backend only moves bytes and their metadata; ids, sizes, types and tenant walls are the store's.
 * Keys are {@code <tenantId>/<yyyy>/<mm>/<mediaId>}, built from validated ids only.
 */
interface MediaBackend {

    /** A stored object: its metadata (as written by {@link #put}) and, when opened, its bytes. */
    record Found(Map<String, String> meta, InputStream stream) {}

    /** Where an upload for {@code key} is staged before {@link #put} (a local directory). */
    Path stagingDir(String key) throws IOException;

    /**
     * Publishes a complete staged file under {@code key} with its metadata, atomically: {@link
     * #head} and {@link #get} see it only once complete. The caller deletes {@code staged} after.
     */
    void put(String key, Path staged, Map<String, String> meta) throws IOException;

    /** The metadata of {@code key}; empty when there is no such object. */
    Optional<Map<String, String>> head(String key) throws IOException;

    /** The object opened for reading (close its stream); empty when there is none. */
    Optional<Found> get(String key) throws IOException;

    /**
     * The keys of the stored objects under {@code prefix} (a tenant's {@code "<tenantId>/"}), in
     * ascending order; sidecars and uploads still being written are not objects.
     */
    List<String> keys(String prefix) throws IOException;

    /** Deletes {@code key}; false when there was nothing. */
    boolean delete(String key) throws IOException;

    /**
     * Checks at start that the storage is usable; throws {@link IllegalStateException} with a
     * one-line cause otherwise (an unreachable endpoint, a missing bucket, refused credentials).
     */
    void check();
}
