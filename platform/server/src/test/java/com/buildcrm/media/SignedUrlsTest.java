package com.buildcrm.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.secret.MasterKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SignedUrlsTest {

    private static final Instant NOW = Instant.parse("2024-05-17T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(1));
    private static final String MEDIA = "202405-0123456789abcdef0123456789abcdef";
    private static final Pattern URL =
            Pattern.compile("/media/([^/]+)/([^?]+)\\?exp=([0-9]+)&sig=([A-Za-z0-9_-]{43})");

    private final MasterKey key = MasterKey.generate();
    private final SignedUrls urls = new SignedUrls(key, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void signedUrlIsPathAndQueryWithExpiryAndSignature() {
        String url = urls.sign("42", MEDIA, EXPIRES);

        assertThat(url)
                .startsWith("/media/42/" + MEDIA + "?exp=" + EXPIRES.getEpochSecond() + "&sig=");
        assertThat(url).matches(URL.pattern());
    }

    @Test
    void signedUrlVerifiesUntilItExpires() {
        Matcher url = parse(urls.sign("42", MEDIA, EXPIRES));

        assertThat(urls.verify("42", MEDIA, url.group(3), url.group(4), NOW)).isTrue();
        assertThat(urls.verify("42", MEDIA, url.group(3), url.group(4), EXPIRES.minusSeconds(1)))
                .isTrue();
        assertThat(urls.verify("42", MEDIA, url.group(3), url.group(4), EXPIRES)).isFalse();
        assertThat(urls.verify("42", MEDIA, url.group(3), url.group(4), EXPIRES.plusSeconds(3600)))
                .isFalse();
    }

    @Test
    void anyChangedPartFailsVerification() {
        Matcher url = parse(urls.sign("42", MEDIA, EXPIRES));
        String exp = url.group(3);
        String sig = url.group(4);
        String laterExp = Long.toString(Long.parseLong(exp) + 86_400);
        String otherMedia = "202405-" + "f".repeat(32);
        char last = sig.charAt(sig.length() - 1);
        String flippedSig = sig.substring(0, sig.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(urls.verify("43", MEDIA, exp, sig, NOW)).isFalse();
        assertThat(urls.verify("42", otherMedia, exp, sig, NOW)).isFalse();
        assertThat(urls.verify("42", MEDIA, laterExp, sig, NOW)).isFalse();
        assertThat(urls.verify("42", MEDIA, "0" + exp, sig, NOW)).isFalse();
        assertThat(urls.verify("42", MEDIA, exp, flippedSig, NOW)).isFalse();
        assertThat(urls.verify("42", MEDIA, exp, sig + "=", NOW)).isFalse();
        assertThat(urls.verify("42", MEDIA, exp, sig.substring(1), NOW)).isFalse();
    }

    @Test
    void signatureFromAnotherMasterKeyFails() {
        SignedUrls other = new SignedUrls(MasterKey.generate(), Clock.fixed(NOW, ZoneOffset.UTC));
        Matcher url = parse(other.sign("42", MEDIA, EXPIRES));

        assertThat(urls.verify("42", MEDIA, url.group(3), url.group(4), NOW)).isFalse();
    }

    @Test
    void sameMasterKeySignsAlikeOnEveryInstance() {
        SignedUrls otherInstance = new SignedUrls(key, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(otherInstance.sign("42", MEDIA, EXPIRES))
                .isEqualTo(urls.sign("42", MEDIA, EXPIRES));
    }

    @Test
    void malformedInputIsFalseNotAnException() {
        Matcher url = parse(urls.sign("42", MEDIA, EXPIRES));
        String exp = url.group(3);
        String sig = url.group(4);

        assertThat(urls.verify("42", MEDIA, null, sig, NOW)).isFalse();
        assertThat(urls.verify("42", MEDIA, exp, null, NOW)).isFalse();
        assertThat(urls.verify("42", MEDIA, "", sig, NOW)).isFalse();
        assertThat(urls.verify("42", MEDIA, "abc", sig, NOW)).isFalse();
        assertThat(urls.verify("42", MEDIA, "-1", sig, NOW)).isFalse();
        assertThat(urls.verify("42", MEDIA, "+" + exp, sig, NOW)).isFalse();
        assertThat(urls.verify("42", MEDIA, "99999999999999999999999", sig, NOW)).isFalse();
        assertThat(urls.verify("../42", MEDIA, exp, sig, NOW)).isFalse();
        assertThat(urls.verify("42", "../" + MEDIA, exp, sig, NOW)).isFalse();
        assertThat(urls.verify(null, MEDIA, exp, sig, NOW)).isFalse();
    }

    @Test
    void injectedClockDecidesTtlAndExpiry() {
        Matcher url = parse(urls.sign("42", MEDIA, Duration.ofMinutes(10)));

        assertThat(url.group(3)).isEqualTo(Long.toString(NOW.plusSeconds(600).getEpochSecond()));
        assertThat(urls.verify("42", MEDIA, url.group(3), url.group(4))).isTrue();
        SignedUrls later = new SignedUrls(key, Clock.fixed(NOW.plusSeconds(600), ZoneOffset.UTC));
        assertThat(later.verify("42", MEDIA, url.group(3), url.group(4))).isFalse();
    }

    @Test
    void unsafeIdsCannotBeSigned() {
        assertThatThrownBy(() -> urls.sign("../1", MEDIA, EXPIRES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> urls.sign("42", "a/b", EXPIRES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> urls.sign("42", MEDIA, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Matcher parse(String url) {
        Matcher m = URL.matcher(url);
        assertThat(m.matches()).as(url).isTrue();
        return m;
    }
}
