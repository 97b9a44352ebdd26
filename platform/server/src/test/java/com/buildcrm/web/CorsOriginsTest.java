package com.buildcrm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CorsOriginsTest {

    @Test
    void noValueMeansNoCors() {
        assertThat(CorsOrigins.parse(null).enabled()).isFalse();
        assertThat(CorsOrigins.parse("  ").enabled()).isFalse();
        assertThat(CorsOrigins.parse(null).allows("https://crm.example.com")).isFalse();
    }

    @Test
    void exactOriginsAreAllowedNormalised() {
        CorsOrigins o =
                CorsOrigins.parse(
                        " https://CRM.example.com , http://127.0.0.1:5173,https://a.io:443");
        assertThat(o.origins())
                .containsExactlyInAnyOrder(
                        "https://crm.example.com", "http://127.0.0.1:5173", "https://a.io");
        assertThat(o.allows("https://crm.example.com")).isTrue();
        assertThat(o.allows("https://crm.example.com:443")).isTrue();
        assertThat(o.allows("http://127.0.0.1:5173")).isTrue();
        assertThat(o.allows("https://a.io")).isTrue();
        assertThat(o.allows("http://crm.example.com")).isFalse();
        assertThat(o.allows("https://crm.example.com.evil.io")).isFalse();
        assertThat(o.allows("http://127.0.0.1:5174")).isFalse();
        assertThat(o.allows("null")).isFalse();
        assertThat(o.allows("")).isFalse();
        assertThat(o.allows(null)).isFalse();
    }

    @Test
    void anythingButAnOriginIsAOneLineStartError() {
        for (String bad :
                new String[] {
                    "crm.example.com",
                    "ftp://crm.example.com",
                    "https://crm.example.com/",
                    "https://crm.example.com/app",
                    "https://*.example.com",
                    "*",
                    "https://user@crm.example.com",
                    "https://crm.example.com,",
                    "https://a.io,,https://b.io",
                    "https://crm example.com"
                }) {
            assertThatThrownBy(() -> CorsOrigins.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("BUILDCRM_CORS_ORIGINS")
                    .hasMessageNotContaining("\n");
        }
    }
}
