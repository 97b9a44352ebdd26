package com.buildcrm.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void longSecretShowsOnlyItsLastFour() {
        assertThat(Masking.mask("sk-proj-abcdef1234")).isEqualTo("••••••1234");
        assertThat(Masking.mask("abcdefgh1234")).isEqualTo("••••••1234");
    }

    @Test
    void shortSecretIsMaskedEntirelyWithoutRevealingItsLength() {
        assertThat(Masking.mask("abcdefg1234")).isEqualTo("••••••");
        assertThat(Masking.mask("x")).isEqualTo("••••••");
    }

    @Test
    void noSecretShowsNothing() {
        assertThat(Masking.mask(null)).isEmpty();
        assertThat(Masking.mask("")).isEmpty();
    }

    @Test
    void tailCountsCharactersNotUtf16Units() {
        assertThat(Masking.mask("секретный-ключ-🔑🔑🔑🔑")).isEqualTo("••••••🔑🔑🔑🔑");
        assertThat(Masking.mask("ключ🔑🔑🔑🔑🔑🔑🔑")).isEqualTo("••••••");
    }

    @Test
    void maskSentBackByAFormIsRecognised() {
        assertThat(Masking.isMask(Masking.mask("sk-proj-abcdef1234"))).isTrue();
        assertThat(Masking.isMask(Masking.mask("short"))).isTrue();
        assertThat(Masking.isMask("sk-proj-new-key")).isFalse();
        assertThat(Masking.isMask(null)).isFalse();
    }
}
