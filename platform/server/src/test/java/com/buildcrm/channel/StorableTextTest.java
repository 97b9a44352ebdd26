package com.buildcrm.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void nulBecomesTheReplacementCharacter() {
        assertThat(StorableText.clean("при\u0000вет\u0000")).isEqualTo("при\uFFFDвет\uFFFD");
        assertThat(StorableText.clean("ok")).isEqualTo("ok");
        assertThat(StorableText.clean(null)).isNull();
    }

    @Test
    void overlongIdsAreHashedDeterministicallyAndFitTheColumnWithTheStatusSuffix() {
        String meta = "wamid." + "H".repeat(300);
        String hashed = StorableText.id(meta);
        assertThat(hashed).startsWith("sha256:").hasSize(7 + 64);
        assertThat(StorableText.id(meta)).isEqualTo(hashed);
        assertThat(StorableText.id(meta + "x")).isNotEqualTo(hashed);
        assertThat(hashed + "#status:DELIVERED").hasSizeLessThanOrEqualTo(200);
        String limit = "x".repeat(StorableText.MAX_ID_LENGTH);
        assertThat(StorableText.id(limit)).isEqualTo(limit);
        assertThat((limit + "#status:DELIVERED").length()).isLessThanOrEqualTo(200);
        assertThat(StorableText.id("3F36C3C880D877783735")).isEqualTo("3F36C3C880D877783735");
        assertThat(StorableText.id("a\u0000b")).isEqualTo("a\uFFFDb");
    }
}
