package com.buildcrm.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for the web apps on their own origin ({@code BUILDCRM_CORS_ORIGINS}, ADR 029): a request
 * from an allowed origin gets {@code Access-Control-Allow-Origin} with that origin and {@code
 * Allow-Credentials} (the refresh cookie travels on {@code /api/auth/*}); a preflight from it is
 * answered here with 204. Any other origin gets no CORS header at all, so the browser keeps its
 * answer from the page — exactly what happens when nothing is configured.
 */
@WebFilter(
        filterName = "cors",
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class CorsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE";

    /** What the web apps send besides the CORS-safelisted headers. */
    static final String ALLOW_HEADERS =
            "Authorization, Content-Type, Accept, Accept-Language, Last-Event-ID, X-BuildCRM-Session";

    /** Response headers the apps read (problem details come in the body). */
    static final String EXPOSE_HEADERS =
            "Retry-After, Location, Content-Disposition, X-Total-Count";

    /** How long a browser may reuse a preflight answer. */
    static final String MAX_AGE = "600";

    @Inject CorsPolicy policy;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CorsOrigins origins = policy.origins();
        if (!origins.enabled() || !isApi(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (!origins.allows(origin)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin.strip());
        response.setHeader("Access-Control-Allow-Credentials", "true");
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && "OPTIONS".equalsIgnoreCase(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", ALLOW_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOW_HEADERS);
            response.setHeader("Access-Control-Max-Age", MAX_AGE);
            response.addHeader("Vary", "Access-Control-Request-Method");
            response.addHeader("Vary", "Access-Control-Request-Headers");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        chain.doFilter(request, response);
    }

    /**
     * The API and media — on an error dispatch (the container's own 401s go to the problem servlet)
     * the path of the original request.
     */
    static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute("jakarta.servlet.error.request_uri") instanceof String o) {
            uri = o;
        }
        String path = uri == null ? "" : uri;
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return path.startsWith("/api/") || path.startsWith("/media/");
    }
}
