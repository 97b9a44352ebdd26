package com.buildcrm.tenancy;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Ends the request's logging scope: whatever tenant {@link TenantBindingFilter} named for this
 * thread's log lines is taken back when the request leaves the container, so a pooled request
 * thread never names the previous request's tenant.
 */
@WebFilter(
        filterName = "tenant-log-scope",
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST})
public class TenantLogScopeFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String before = TenantLogContext.current();
        try {
            chain.doFilter(request, response);
        } finally {
            TenantLogContext.restore(before);
        }
    }
}
