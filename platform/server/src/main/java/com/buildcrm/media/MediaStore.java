package com.buildcrm.media;

import com.buildcrm.config.ScaleOutSettings.MediaStorage;
import com.buildcrm.config.ScaleOutSettings.MediaStoreKind;
import com.buildcrm.media.MediaRejectedException.Reason;
import com.buildcrm.provisioner.TenantMediaFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenant media, at {@code <tenantId>/<yyyy>/<mm>/<id>} of a {@link MediaBackend}: the data dir's
 * {@code media/} (with a {@code <id>.meta} sidecar) or a bucket of an S3-compatible store. Keys are
 * built only from validated ids — the tenant's and a random 128-bit one ({@code yyyymm-<32 hex>},
 * the month tells where it lives) — never from a file name, so one tenant cannot reach another's
 * files. An upload is streamed to a temporary file under a size limit, its type taken from its
 * magic bytes (a contradicting declared type is refused), and published whole: a file is visible
 * only once complete.
 *
 * <p>Thread-safe. With several instances use S3 ({@code BUILDCRM_MEDIA_STORE=s3}) or make the data
 * dir's {@code media/} shared storage.
 */
public final class MediaStore {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern MEDIA_ID = Pattern.compile("(\\d{4})(\\d{2})-[0-9a-f]{32}");
    private static final int MAX_NAME_CODE_POINTS = 255;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MediaBackend backend;
    private final Clock clock;
    private final Set<MediaFormat> allowed;

    /** A store under {@code <dataDir>/media} accepting every {@link MediaFormat}. */
    public MediaStore(Path dataDir, Clock clock) {
        this(dataDir, clock, EnumSet.allOf(MediaFormat.class));
    }

    /** A store under {@code <dataDir>/media} accepting only {@code allowed} formats. */
    public MediaStore(Path dataDir, Clock clock, Set<MediaFormat> allowed) {
        this(new DiskMediaBackend(dataDir), clock, allowed);
    }

    /**
     * The store the settings ask for: the data dir's {@code media/}, or the S3 bucket of {@code
     * BUILDCRM_MEDIA_STORE=s3}. Nothing is contacted until {@link #check()} or the first use.
     */
    public static MediaStore configured(MediaStorage storage, Path dataDir, Clock clock) {
        MediaBackend backend =
                storage.kind() == MediaStoreKind.S3
                        ? new S3MediaBackend(storage, dataDir)
                        : new DiskMediaBackend(dataDir);
        return new MediaStore(backend, clock, EnumSet.allOf(MediaFormat.class));
    }

    private MediaStore(MediaBackend backend, Clock clock, Set<MediaFormat> allowed) {
        this.backend = backend;
        this.clock = clock;
        this.allowed = allowed.isEmpty() ? Set.of() : EnumSet.copyOf(allowed);
    }

    /**
     * Checks at start that the storage is usable (for S3: the bucket answers with these keys).
     *
     * @throws IllegalStateException with a one-line cause otherwise
     */
    public void check() {
        backend.check();
    }

    /**
     * The tenants' files as a tenant archive carries them (export and import, ADR 029): the data
     * dir's {@code media/} as it is, or the bucket's objects in the same layout.
     */
    public TenantMediaFiles archiveFiles() {
        return backend instanceof DiskMediaBackend disk
                ? TenantMediaFiles.directory(disk.root())
                : new BackendMediaFiles(backend);
    }

    /** True for a string usable as a tenant id or media id here ({@code [A-Za-z0-9_-]{1,64}}). */
    public static boolean isSafeId(String id) {
        return id != null && SAFE_ID.matcher(id).matches();
    }

    /**
     * Stores an upload for a tenant.
     *
     * @param tenantId the tenant's id, e.g. {@code String.valueOf(tenant.id())}
     * @param content read once, up to {@code maxBytes + 1} bytes; not closed here
     * @param declaredMime the type the client declared; null, blank or {@code
     *     application/octet-stream} mean "not declared" and the detected type is used
     * @param originalName the client's file name, kept as metadata only (may be null)
     * @param maxBytes the largest accepted size
     * @throws MediaRejectedException if empty, too large, of a type not allowed, unrecognised, or
     *     of another type than declared; nothing is left on disk then
     * @throws IllegalArgumentException if {@code tenantId} is not a safe id
     * @throws UncheckedIOException if reading the upload or writing the file fails
     */
    public StoredMedia store(
            String tenantId,
            InputStream content,
            String declaredMime,
            String originalName,
            long maxBytes) {
        requireSafe(tenantId, "tenant id");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        Optional<MediaFormat> declared = declaredFormat(declaredMime);
        try {
            byte[] head = content.readNBytes((int) Math.min(MediaFormat.HEAD_BYTES, maxBytes + 1));
            if (head.length == 0) {
                throw new MediaRejectedException(Reason.EMPTY, "the file is empty");
            }
            if (head.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            MediaFormat format = checkedFormat(head, declared, declaredMime);

            Instant now = clock.instant();
            ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
            String id =
                    String.format("%04d%02d-", utc.getYear(), utc.getMonthValue())
                            + HexFormat.of().formatHex(randomBytes());
            String key = key(tenantId, id).orElseThrow();
            Path tmp = Files.createTempFile(backend.stagingDir(key), ".upload-", ".tmp");
            try {
                MessageDigest sha256 = sha256();
                long size = copyLimited(head, content, tmp, sha256, maxBytes);
                StoredMedia media =
                        new StoredMedia(
                                tenantId,
                                id,
                                format,
                                size,
                                HexFormat.of().formatHex(sha256.digest()),
                                cleanName(originalName),
                                now);
                backend.put(key, tmp, meta(media));
                return media;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store media for tenant " + tenantId, e);
        }
    }

    /**
     * Opens a tenant's stored file. Empty when that tenant has no such media — including when the
     * id belongs to another tenant.
     */
    public Optional<MediaContent> open(String tenantId, String mediaId) {
        Optional<String> key = key(tenantId, mediaId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<MediaBackend.Found> found = backend.get(key.get());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Optional<StoredMedia> media = fromMeta(tenantId, mediaId, found.get().meta());
            if (media.isEmpty()) {
                found.get().stream().close();
                return Optional.empty();
            }
            return Optional.of(new MediaContent(media.get(), found.get().stream()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open media " + mediaId, e);
        }
    }

    /** The metadata of a tenant's stored file, without opening it. */
    public Optional<StoredMedia> find(String tenantId, String mediaId) {
        Optional<String> key = key(tenantId, mediaId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return backend.head(key.get()).flatMap(meta -> fromMeta(tenantId, mediaId, meta));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media metadata " + mediaId, e);
        }
    }

    /** Deletes a tenant's stored file; false if there was none. */
    public boolean delete(String tenantId, String mediaId) {
        Optional<String> key = key(tenantId, mediaId);
        if (key.isEmpty()) {
            return false;
        }
        try {
            return backend.delete(key.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete media " + mediaId, e);
        }
    }

    /**
     * Where a media file lives; empty for an id of another shape than this store writes — a path
     * such as {@code ../../keys/master.key} included, which is simply no media of this store.
     */
    private static Optional<String> key(String tenantId, String mediaId) {
        if (!isSafeId(tenantId) || !isSafeId(mediaId)) {
            return Optional.empty();
        }
        Matcher m = MEDIA_ID.matcher(mediaId);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(tenantId + "/" + m.group(1) + "/" + m.group(2) + "/" + mediaId);
    }

    private static Map<String, String> meta(StoredMedia media) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("tenant", media.tenantId());
        p.put("format", media.format().name());
        p.put("mimeType", media.mimeType());
        p.put("size", Long.toString(media.size()));
        p.put("sha256", media.sha256());
        p.put("originalName", media.originalName());
        p.put("storedAt", media.storedAt().toString());
        return p;
    }

    /** The metadata read back (keys in any case: S3 lowers them); empty if another tenant's. */
    private static Optional<StoredMedia> fromMeta(
            String tenantId, String mediaId, Map<String, String> raw) {
        Map<String, String> p = new HashMap<>();
        raw.forEach((k, v) -> p.put(k.toLowerCase(Locale.ROOT), v));
        if (!tenantId.equals(p.get("tenant"))) {
            return Optional.empty();
        }
        return Optional.of(
                new StoredMedia(
                        tenantId,
                        mediaId,
                        MediaFormat.valueOf(p.get("format")),
                        Long.parseLong(p.get("size")),
                        p.get("sha256"),
                        p.getOrDefault("originalname", ""),
                        Instant.parse(p.get("storedat"))));
    }

    private Optional<MediaFormat> declaredFormat(String declaredMime) {
        if (declaredMime == null
                || declaredMime.isBlank()
                || declaredMime
                        .trim()
                        .toLowerCase(Locale.ROOT)
                        .startsWith("application/octet-stream")) {
            return Optional.empty();
        }
        Optional<MediaFormat> format = MediaFormat.forMimeType(declaredMime);
        if (format.isEmpty() || !allowed.contains(format.get())) {
            throw new MediaRejectedException(
                    Reason.TYPE_NOT_ALLOWED,
                    "files of type " + clip(declaredMime) + " are not accepted");
        }
        return format;
    }

    private MediaFormat checkedFormat(
            byte[] head, Optional<MediaFormat> declared, String declaredMime) {
        MediaFormat detected =
                MediaFormat.sniff(head, head.length)
                        .orElseThrow(
                                () ->
                                        new MediaRejectedException(
                                                Reason.UNRECOGNISED,
                                                "the file is not of an accepted type"));
        if (declared.isPresent() && declared.get() != detected) {
            throw new MediaRejectedException(
                    Reason.TYPE_MISMATCH,
                    "the file was declared "
                            + clip(declaredMime)
                            + " but its content is "
                            + detected.mimeType());
        }
        if (!allowed.contains(detected)) {
            throw new MediaRejectedException(
                    Reason.TYPE_NOT_ALLOWED,
                    "files of type " + detected.mimeType() + " are not accepted");
        }
        return detected;
    }

    /** Writes head then the rest of the stream, stopping as soon as the limit is passed. */
    private static long copyLimited(
            byte[] head, InputStream rest, Path target, MessageDigest digest, long maxBytes)
            throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            out.write(head);
            digest.update(head);
            long size = head.length;
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = rest.read(buffer)) != -1) {
                size += n;
                if (size > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
            }
            out.flush();
            channel.force(true);
            return size;
        }
    }

    /** The base name only (browsers may send a full path), without control characters. */
    static String cleanName(String name) {
        if (name == null) {
            return "";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        base.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(MAX_NAME_CODE_POINTS)
                .forEach(clean::appendCodePoint);
        return clean.toString().strip();
    }

    private static MediaRejectedException tooLarge(long maxBytes) {
        return new MediaRejectedException(
                Reason.TOO_LARGE, "the file is larger than " + maxBytes + " bytes");
    }

    private static void requireSafe(String id, String what) {
        if (!isSafeId(id)) {
            throw new IllegalArgumentException("invalid " + what);
        }
    }

    private static String clip(String value) {
        String v = value.strip().replaceAll("\\p{Cntrl}", "?");
        return v.length() > 100 ? v.substring(0, 100) + "…" : v;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
