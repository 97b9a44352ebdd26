package com.buildcrm.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The configured {@link CorsOrigins}, read once. The server start reads it first ({@code
 * PlatformStartup}), so a bad value ends the start with one line instead of failing requests.
 */
@ApplicationScoped
public class CorsPolicy {

    private volatile CorsOrigins origins;

    public CorsOrigins origins() {
        CorsOrigins o = origins;
        if (o == null) {
            o =
                    CorsOrigins.parse(
                            ConfigProvider.getConfig()
                                    .getOptionalValue(CorsOrigins.SETTING, String.class)
                                    .orElse(null));
            origins = o;
        }
        return o;
    }

    /**
     * Whether this request comes from an allowed web app on another origin: its session cookie must
     * then be {@code SameSite=None} (and partitioned), or the browser would not send it back from
     * that origin.
     */
    public boolean crossOrigin(HttpServletRequest request) {
        return request != null && origins().allows(request.getHeader("Origin"));
    }
}
