package com.buildcrm.media;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Uploads of tenant media (greeting albums, voice, files a manager sends): type and size checked.
 */
@ApplicationScoped
public class MediaUploads {

    /** The largest file we accept (WhatsApp's own limit for media is 16 MB). */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    @Inject MediaStore store;
    @Inject SignedUrls urls;
    @Inject ServerSettings settings;

    /** What an upload returns. */
    public record UploadedMedia(String id, String url, String mimeType, long size, String name) {}

    public UploadedMedia upload(long tenantId, EntityPart file) {
        if (file == null) {
            throw ApiProblem.invalidField("file", "a multipart part named 'file' is required");
        }
        String declared = file.getMediaType() == null ? null : file.getMediaType().toString();
        try (InputStream in = file.getContent()) {
            StoredMedia stored =
                    store.store(
                            Long.toString(tenantId),
                            in,
                            declared,
                            file.getFileName().orElse(null),
                            MAX_BYTES);
            inspect(stored);
            return describe(stored);
        } catch (MediaRejectedException e) {
            if (e.reason() == MediaRejectedException.Reason.TOO_LARGE) {
                throw ApiProblem.payloadTooLarge(MAX_BYTES);
            }
            throw ApiProblem.invalidField("file", e.getMessage());
        } catch (IOException e) {
            throw ApiProblem.invalidField("file", "the upload could not be read");
        }
    }

    /**
     * Checks the stored file all the way through ({@link MediaInspector}); a file that is not what
     * its magic bytes say is deleted again and refused.
     */
    private void inspect(StoredMedia stored) {
        byte[] bytes;
        try (MediaContent content =
                store.open(stored.tenantId(), stored.id())
                        .orElseThrow(() -> new IOException("the stored upload vanished"))) {
            bytes = content.stream().readAllBytes();
        } catch (IOException e) {
            store.delete(stored.tenantId(), stored.id());
            throw new java.io.UncheckedIOException(e);
        }
        try {
            MediaInspector.check(stored.format(), bytes);
        } catch (MediaRejectedException e) {
            store.delete(stored.tenantId(), stored.id());
            throw e;
        }
    }

    public UploadedMedia describe(StoredMedia stored) {
        return new UploadedMedia(
                stored.id(),
                settings.baseUrl()
                        + urls.sign(stored.tenantId(), stored.id(), Duration.ofHours(24)),
                stored.mimeType(),
                stored.size(),
                stored.originalName());
    }
}
