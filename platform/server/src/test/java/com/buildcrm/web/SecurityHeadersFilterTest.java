package com.buildcrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which paths are web apps, and the public URL's origin that media may come from. */
class SecurityHeadersFilterTest {

    @Test
    void onlyTheTwoWebAppsGetThePagePolicy() {
        assertThat(SecurityHeadersFilter.isApp("/crm/", "")).isTrue();
        assertThat(SecurityHeadersFilter.isApp("/admin/tenants/3", "")).isTrue();
        assertThat(SecurityHeadersFilter.isApp("/crm", "")).isFalse();
        assertThat(SecurityHeadersFilter.isApp("/api/crm/leads", "")).isFalse();
        assertThat(SecurityHeadersFilter.isApp("/media/1/2", "")).isFalse();
        assertThat(SecurityHeadersFilter.isApp("/app/crm/", "/app")).isTrue();
    }

    @Test
    void mediaMayComeFromThePublicUrlsOriginAndNothingElse() {
        assertThat(SecurityHeadersFilter.origin("http://localhost:8080"))
                .isEqualTo("http://localhost:8080");
        assertThat(SecurityHeadersFilter.origin("https://CRM.example.com/base/"))
                .isEqualTo("https://crm.example.com");
        assertThat(SecurityHeadersFilter.origin("javascript:alert(1)")).isNull();
        assertThat(SecurityHeadersFilter.origin("not a url")).isNull();
        String policy = SecurityHeadersFilter.appPolicy("https://crm.example.com");
        assertThat(policy)
                .contains("img-src 'self' https://crm.example.com data: blob:")
                .contains("media-src 'self' https://crm.example.com blob:")
                .contains("script-src 'self';")
                .contains("connect-src 'self';");
        assertThat(SecurityHeadersFilter.appPolicy(null)).contains("img-src 'self' data: blob:");
    }
}
