package com.buildcrm.media;

import com.buildcrm.media.MediaRejectedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenant media on the file system, under {@code <data dir>/media/<tenantId>/<yyyy>/<mm>/<id>} with
 * a {@code <id>.meta} sidecar. Paths are built only from validated ids — the tenant's and a random
 * 128-bit one ({@code yyyymm-<32 hex>}, the month tells where it lives) — never from a file name,
 * so one tenant cannot reach another's files. An upload is streamed to a temporary file under a
 * size limit, its type taken from its magic bytes (a contradicting declared type is refused), and
 * published by atomic moves: the sidecar last, so a file is visible only once complete.
 *
 * <p>Thread-safe. With several instances the data dir's {@code media/} must be shared storage.
 */
public final class MediaStore {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern MEDIA_ID = Pattern.compile("(\\d{4})(\\d{2})-[0-9a-f]{32}");
    private static final String META = ".meta";
    private static final int MAX_NAME_CODE_POINTS = 255;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final Clock clock;
    private final Set<MediaFormat> allowed;

    /** A store under {@code <dataDir>/media} accepting every {@link MediaFormat}. */
    public MediaStore(Path dataDir, Clock clock) {
        this(dataDir, clock, EnumSet.allOf(MediaFormat.class));
    }

    /** A store accepting only {@code allowed} formats. */
    public MediaStore(Path dataDir, Clock clock, Set<MediaFormat> allowed) {
        this.root = dataDir.resolve("media").toAbsolutePath().normalize();
        this.clock = clock;
        this.allowed = allowed.isEmpty() ? Set.of() : EnumSet.copyOf(allowed);
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
            Path dir =
                    root.resolve(tenantId).resolve(id.substring(0, 4)).resolve(id.substring(4, 6));
            Files.createDirectories(dir);

            Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
            Path metaTmp = null;
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
                metaTmp = Files.createTempFile(dir, ".upload-", ".meta.tmp");
                writeMeta(metaTmp, media);
                Files.move(tmp, dir.resolve(id), StandardCopyOption.ATOMIC_MOVE);
                Files.move(metaTmp, dir.resolve(id + META), StandardCopyOption.ATOMIC_MOVE);
                return media;
            } finally {
                Files.deleteIfExists(tmp);
                if (metaTmp != null) {
                    Files.deleteIfExists(metaTmp);
                }
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
        Optional<StoredMedia> media = find(tenantId, mediaId);
        if (media.isEmpty()) {
            return Optional.empty();
        }
        try {
            InputStream stream = Files.newInputStream(dataFile(tenantId, mediaId).orElseThrow());
            return Optional.of(new MediaContent(media.get(), stream));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open media " + mediaId, e);
        }
    }

    /** The metadata of a tenant's stored file, without opening it. */
    public Optional<StoredMedia> find(String tenantId, String mediaId) {
        Optional<Path> file = dataFile(tenantId, mediaId);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path meta = file.get().resolveSibling(mediaId + META);
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(reader);
            if (!tenantId.equals(p.getProperty("tenant")) || !Files.isRegularFile(file.get())) {
                return Optional.empty();
            }
            return Optional.of(
                    new StoredMedia(
                            tenantId,
                            mediaId,
                            MediaFormat.valueOf(p.getProperty("format")),
                            Long.parseLong(p.getProperty("size")),
                            p.getProperty("sha256"),
                            p.getProperty("originalName", ""),
                            Instant.parse(p.getProperty("storedAt"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media metadata " + mediaId, e);
        }
    }

    /** Deletes a tenant's stored file; false if there was none. */
    public boolean delete(String tenantId, String mediaId) {
        Optional<Path> file = dataFile(tenantId, mediaId);
        if (file.isEmpty()) {
            return false;
        }
        try {
            boolean metaDeleted = Files.deleteIfExists(file.get().resolveSibling(mediaId + META));
            return Files.deleteIfExists(file.get()) || metaDeleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete media " + mediaId, e);
        }
    }

    /**
     * Where a media file lives; empty for an id of another shape than this store writes — a path
     * such as {@code ../../keys/master.key} included, which is simply no media of this store.
     */
    private Optional<Path> dataFile(String tenantId, String mediaId) {
        if (!isSafeId(tenantId) || !isSafeId(mediaId)) {
            return Optional.empty();
        }
        Matcher m = MEDIA_ID.matcher(mediaId);
        if (!m.matches()) {
            return Optional.empty();
        }
        Path tenantDir = root.resolve(tenantId);
        Path file = tenantDir.resolve(m.group(1)).resolve(m.group(2)).resolve(mediaId).normalize();
        if (!file.startsWith(tenantDir) || !tenantDir.getParent().equals(root)) {
            return Optional.empty();
        }
        return Optional.of(file);
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

    private static void writeMeta(Path file, StoredMedia media) throws IOException {
        Properties p = new Properties();
        p.setProperty("tenant", media.tenantId());
        p.setProperty("format", media.format().name());
        p.setProperty("mimeType", media.mimeType());
        p.setProperty("size", Long.toString(media.size()));
        p.setProperty("sha256", media.sha256());
        p.setProperty("originalName", media.originalName());
        p.setProperty("storedAt", media.storedAt().toString());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(writer, null);
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
