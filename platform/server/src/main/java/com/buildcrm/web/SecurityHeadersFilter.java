package com.buildcrm.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

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

    /** The web apps' policy: same-origin scripts, workers, API calls and media; no framing. */
    public static final String APP_POLICY =
            String.join(
                    "; ",
                    "default-src 'self'",
                    "script-src 'self'",
                    "style-src 'self' 'unsafe-inline'",
                    "img-src 'self' data: blob:",
                    "font-src 'self' data:",
                    "media-src 'self' blob:",
                    "connect-src 'self'",
                    "worker-src 'self'",
                    "manifest-src 'self'",
                    "object-src 'none'",
                    "base-uri 'self'",
                    "form-action 'self'",
                    "frame-ancestors 'none'");

    /** Everything that is not a web app: data, never a page. */
    public static final String DATA_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none';"
                    + " sandbox";

    /** No powerful feature is used by either app (voice notes are uploaded files, not recorded). */
    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), midi=(),"
                    + " display-capture=()";

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
        apply(response, isApp(path, request.getContextPath()));
        chain.doFilter(request, response);
    }

    static boolean isApp(String uri, String contextPath) {
        String path = uri == null ? "" : uri;
        if (contextPath != null && !contextPath.isEmpty() && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        return path.startsWith("/crm/") || path.startsWith("/admin/");
    }

    static void apply(HttpServletResponse response, boolean app) {
        response.setHeader("Content-Security-Policy", app ? APP_POLICY : DATA_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }
}
