package com.buildcrm.web;

import com.buildcrm.config.ServerSettings;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Browser hardening headers on every response, errors included: the web apps ({@code /crm/}, {@code
 * /admin/}) get a strict Content-Security-Policy (scripts only from the server itself, no inline
 * script; inline styles are allowed because Mantine sets {@code style} attributes and writes its
 * CSS variables into a {@code <style>} element); everything else (the API, webhooks, {@code
 * /media}, {@code /openapi}, {@code /health}) is never a document to render, so its policy allows
 * nothing and {@code sandbox} keeps even a hostile upload opened in a tab inert.
 */
@WebFilter(
        filterName = "security-headers",
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    /**
     * The web apps' policy: same-origin scripts, workers, API calls and media; no framing. Media
     * URLs are absolute on the public URL ({@code BUILDCRM_PUBLIC_URL}), which a browser may reach
     * under another name (localhost vs 127.0.0.1, a LAN address): images and sound may come from
     * that origin too.
     */
    static String appPolicy(String mediaOrigin) {
        String media = mediaOrigin == null ? "" : " " + mediaOrigin;
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self'" + media + " data: blob:",
                "font-src 'self' data:",
                "media-src 'self'" + media + " blob:",
                "connect-src 'self'",
                "worker-src 'self'",
                "manifest-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    /** Everything that is not a web app: data, never a page. */
    public static final String DATA_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none';"
                    + " sandbox";

    /** No powerful feature is used by either app (voice notes are uploaded files, not recorded). */
    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), midi=(),"
                    + " display-capture=()";

    @Inject ServerSettings settings;

    private volatile String appPolicy;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            Object original = request.getAttribute("jakarta.servlet.error.request_uri");
            if (original instanceof String uri) {
                path = uri;
            }
        }
        apply(response, isApp(path, request.getContextPath()) ? appPolicy() : DATA_POLICY);
        chain.doFilter(request, response);
    }

    private String appPolicy() {
        String policy = appPolicy;
        if (policy == null) {
            policy = appPolicy(settings == null ? null : origin(settings.baseUrl()));
            appPolicy = policy;
        }
        return policy;
    }

    /** {@code scheme://host[:port]} of a URL, or null when it is not an http(s) URL. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null
                    || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return null;
            }
            return scheme.toLowerCase(Locale.ROOT)
                    + "://"
                    + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isApp(String uri, String contextPath) {
        String path = uri == null ? "" : uri;
        if (contextPath != null && !contextPath.isEmpty() && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        return path.startsWith("/crm/") || path.startsWith("/admin/");
    }

    static void apply(HttpServletResponse response, String policy) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }
}
