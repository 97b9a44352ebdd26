package com.buildcrm.media;

import com.buildcrm.config.ScaleOutSettings.MediaStorage;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Media in one bucket of an S3-compatible object store (AWS S3, Cloudflare R2, MinIO…), through the
 * official AWS SDK with the JDK's HTTP client. One object per file, its metadata as the object's
 * user metadata (percent-encoded: S3 metadata is ASCII), so a file appears whole or not at all.
 * Every instance reads every file: what one instance stored another serves. The bucket stays
 * private: the server streams files at its own signed URLs (ADR 028).
 */
final class S3MediaBackend implements MediaBackend {

    private final S3Client s3;
    private final String bucket;
    private final String where;
    private final Path staging;

    S3MediaBackend(MediaStorage settings, Path dataDir) {
        var builder =
                S3Client.builder()
                        .httpClient(
                                UrlConnectionHttpClient.builder()
                                        .connectionTimeout(Duration.ofSeconds(5))
                                        .socketTimeout(Duration.ofSeconds(60))
                                        .build())
                        .region(Region.of(settings.region()))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(
                                                settings.accessKey(), settings.secretKey())))
                        .serviceConfiguration(
                                S3Configuration.builder()
                                        .pathStyleAccessEnabled(settings.pathStyle())
                                        .build())
                        // S3-compatible stores differ in the newer checksum trailers: send and
                        // check checksums only where the API requires them
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.s3 = builder.build();
        this.bucket = settings.bucket();
        this.where = settings.toString();
        this.staging = dataDir.resolve("media-staging").toAbsolutePath().normalize();
    }

    @Override
    public Path stagingDir(String key) throws IOException {
        Files.createDirectories(staging);
        return staging;
    }

    @Override
    public void put(String key, Path staged, Map<String, String> meta) throws IOException {
        Map<String, String> encoded = new LinkedHashMap<>();
        meta.forEach(
                (k, v) ->
                        encoded.put(k.toLowerCase(), URLEncoder.encode(v, StandardCharsets.UTF_8)));
        long length = Files.size(staged);
        try {
            s3.putObject(
                    r ->
                            r.bucket(bucket)
                                    .key(key)
                                    .contentType(
                                            meta.getOrDefault(
                                                    "mimeType", "application/octet-stream"))
                                    .contentLength(length)
                                    .metadata(encoded),
                    RequestBody.fromFile(staged));
        } catch (SdkException e) {
            throw new IOException("cannot store media in " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Map<String, String>> head(String key) throws IOException {
        try {
            HeadObjectResponse r = s3.headObject(h -> h.bucket(bucket).key(key));
            return Optional.of(decoded(r.metadata()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("cannot read media from " + where + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot read media from " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Found> get(String key) throws IOException {
        try {
            ResponseInputStream<GetObjectResponse> in =
                    s3.getObject(g -> g.bucket(bucket).key(key));
            return Optional.of(new Found(decoded(in.response().metadata()), in));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("cannot read media from " + where + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot read media from " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> keys(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            for (ListObjectsV2Response page :
                    s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix))) {
                for (S3Object o : page.contents()) {
                    keys.add(o.key());
                }
            }
        } catch (SdkException e) {
            throw new IOException("cannot list media in " + where + ": " + e.getMessage(), e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public boolean delete(String key) throws IOException {
        boolean existed = head(key).isPresent();
        try {
            s3.deleteObject(d -> d.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("cannot delete media in " + where + ": " + e.getMessage(), e);
        }
        return existed;
    }

    @Override
    public void check() {
        try {
            s3.headBucket(h -> h.bucket(bucket));
        } catch (S3Exception e) {
            throw new IllegalStateException(
                    "media storage "
                            + where
                            + " refused access (HTTP "
                            + e.statusCode()
                            + "): check BUILDCRM_S3_BUCKET and the keys");
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "media storage " + where + " is not reachable: " + firstLine(e));
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        int nl = m.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
    }

    private static Map<String, String> decoded(Map<String, String> metadata) {
        Map<String, String> meta = new LinkedHashMap<>();
        metadata.forEach(
                (k, v) -> meta.put(k.toLowerCase(), URLDecoder.decode(v, StandardCharsets.UTF_8)));
        return meta;
    }
}
