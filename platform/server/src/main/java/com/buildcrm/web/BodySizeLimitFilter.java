package com.buildcrm.web;

import com.buildcrm.config.ServerSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses API bodies over the configured limit (413) before anything reads them: by the declared
 * length, and by counting for chunked bodies. Webhooks (which carry inline media) set their own.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimitFilter implements ContainerRequestFilter {

    /** Media uploads carry files; the store enforces the exact limit per file. */
    static final long MEDIA_UPLOAD_LIMIT = 17L * 1024 * 1024;

    /** A tenant archive (ADR 029); bigger companies move with the provisioner CLI. */
    static final long TENANT_ARCHIVE_LIMIT = 4L * 1024 * 1024 * 1024;

    @Inject ServerSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("api/")
                && !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String path = request.getUriInfo().getPath();
        long limit =
                path.matches("/?api/(admin/tenants/[^/]+|crm)/media/?")
                        ? MEDIA_UPLOAD_LIMIT
                        : path.matches("/?api/admin/tenants/import/?")
                                ? TENANT_ARCHIVE_LIMIT
                                : settings.maxApiBodyBytes();
        if (request.getLength() > limit) {
            throw ApiProblem.payloadTooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(long n) {
            count += n;
            if (count > limit) {
                throw ApiProblem.payloadTooLarge(limit);
            }
        }
    }
}
