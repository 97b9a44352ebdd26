package com.buildcrm.webapp;

import com.buildcrm.web.ApiProblem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the built web apps — the business CRM at {@code /crm/} and the operator console at {@code
 * /admin/} — from the WAR's classpath ({@code webapp/crm}, {@code webapp/admin}). Unknown paths
 * under an app fall back to its {@code index.html}, so client-side routes survive a reload.
 *
 * <p>{@code @PermitAll} on the class, not on its methods: Payara's MicroProfile JWT filter for a
 * method-level {@code @PermitAll} runs the authentication mechanism a second time on every request
 * (ADR 053).
 */
@Path("")
@PermitAll
public class WebAppResource {

    private static final Map<String, String> TYPES =
            Map.ofEntries(
                    Map.entry("html", "text/html; charset=utf-8"),
                    Map.entry("js", "text/javascript; charset=utf-8"),
                    Map.entry("mjs", "text/javascript; charset=utf-8"),
                    Map.entry("css", "text/css; charset=utf-8"),
                    Map.entry("json", "application/json"),
                    Map.entry("webmanifest", "application/manifest+json"),
                    Map.entry("svg", "image/svg+xml"),
                    Map.entry("png", "image/png"),
                    Map.entry("ico", "image/x-icon"),
                    Map.entry("woff2", "font/woff2"),
                    Map.entry("txt", "text/plain; charset=utf-8"));

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/crm/")).build();
    }

    @GET
    @Path("crm")
    @Operation(hidden = true)
    public Response crmRoot() {
        return Response.seeOther(URI.create("/crm/")).build();
    }

    @GET
    @Path("admin")
    @Operation(hidden = true)
    public Response adminRoot() {
        return Response.seeOther(URI.create("/admin/")).build();
    }

    @GET
    @Path("crm/{path: .*}")
    @Operation(hidden = true)
    public Response crm(
            @PathParam("path") String path, @HeaderParam("Accept-Encoding") String acceptEncoding) {
        return serve("crm", path, acceptEncoding);
    }

    @GET
    @Path("admin/{path: .*}")
    @Operation(hidden = true)
    public Response admin(
            @PathParam("path") String path, @HeaderParam("Accept-Encoding") String acceptEncoding) {
        return serve("admin", path, acceptEncoding);
    }

    private Response serve(String app, String path, String acceptEncoding) {
        String clean = path == null ? "" : path;
        if (clean.contains("..") || clean.contains("\\")) {
            return ApiProblem.bare(404);
        }
        String file = clean.isEmpty() || clean.endsWith("/") ? clean + "index.html" : clean;
        InputStream in = resource(app, file);
        boolean fallback = false;
        if (in == null && !file.contains(".")) {
            in = resource(app, "index.html");
            fallback = true;
            file = "index.html";
        }
        if (in == null) {
            return ApiProblem.bare(404);
        }
        String ext = file.substring(file.lastIndexOf('.') + 1);
        CacheControl cache = new CacheControl();
        if (!fallback && file.startsWith("assets/")) {
            cache.setMaxAge(31_536_000); // content-hashed build output
        } else {
            cache.setNoCache(true);
        }
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        if (COMPRESSIBLE.contains(ext)
                && acceptEncoding != null
                && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
            String key = app + "/" + file;
            byte[] gzipped = GZIPPED.get(key);
            if (gzipped == null) {
                gzipped = gzip(in);
                GZIPPED.putIfAbsent(key, gzipped);
            } else {
                closeQuietly(in);
            }
            return Response.ok(gzipped, type)
                    .header("Content-Encoding", "gzip")
                    .header("Vary", "Accept-Encoding")
                    .cacheControl(cache)
                    .build();
        }
        return Response.ok(in, type).header("Vary", "Accept-Encoding").cacheControl(cache).build();
    }

    /** Text assets are sent gzipped to clients that accept it (the JS shrinks about 3×). */
    private static final java.util.Set<String> COMPRESSIBLE =
            java.util.Set.of("html", "js", "mjs", "css", "json", "webmanifest", "svg", "txt");

    /** Compressed once per file: the build output never changes while the server runs. */
    private static final java.util.concurrent.ConcurrentMap<String, byte[]> GZIPPED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException ignored) {
            // a classpath resource stream: nothing to recover
        }
    }

    private static byte[] gzip(InputStream in) {
        try (in) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream z =
                    new java.util.zip.GZIPOutputStream(out) {
                        {
                            def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
                        }
                    }) {
                in.transferTo(z);
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream resource(String app, String file) {
        return WebAppResource.class
                .getClassLoader()
                .getResourceAsStream("webapp/" + app + "/" + file);
    }
}
