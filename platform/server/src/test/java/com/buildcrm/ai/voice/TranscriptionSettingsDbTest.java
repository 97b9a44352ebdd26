package com.buildcrm.ai.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.ai.voice.TranscriptionSettings.Effective;
import com.buildcrm.ai.voice.TranscriptionSettings.Mode;
import com.buildcrm.ai.voice.TranscriptionSettings.Source;
import com.buildcrm.secret.MasterKey;
import com.buildcrm.secret.SecretBox;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.Transactions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transcription endpoints on real PostgreSQL: a tenant follows the platform default unless it
 * has its own or turned it off; keys are stored encrypted (never in clear) and bound to their
 * owner; an absent key keeps the stored one, a clear removes it.
 */
class TranscriptionSettingsDbTest {

    private static final DbTier DB = DbTier.get();
    private static TenantRef acme;
    private static TenantRef other;
    private static TranscriptionSettings settings;
    private static Transactions tx;

    @BeforeAll
    static void setUp() {
        acme = DB.newTenant("stt", "Asia/Almaty");
        other = DB.newTenant("stt-other", "Asia/Almaty");
        settings = new TranscriptionSettings();
        settings.secrets = new SecretBox(MasterKey.generate());
        tx = DB.storage().transactions();
    }

    @AfterEach
    void clean() {
        tx.inPlatformDo(em -> settings.removePlatformDefault(em));
        saveMode(acme, Mode.DEFAULT);
        saveMode(other, Mode.DEFAULT);
    }

    /** The tenant's own endpoint (mode OWN), saved as the console saves it. */
    private static void saveOwn(
            TenantRef t, String baseUrl, String model, Optional<String> key, boolean clearKey) {
        tx.inPlatformDo(
                em -> settings.saveTenant(em, t.id(), Mode.OWN, baseUrl, model, key, clearKey));
    }

    /** Mode DEFAULT or OFF (no endpoint, no key of its own). */
    private static void saveMode(TenantRef t, Mode mode) {
        tx.inPlatformDo(
                em -> settings.saveTenant(em, t.id(), mode, null, null, Optional.empty(), false));
    }

    private Effective effective(TenantRef t) {
        return tx.inPlatform(em -> settings.effective(em, t.id()));
    }

    @Test
    void withNothingConfiguredNoTenantHasAnEndpoint() {
        assertThat(effective(acme).source()).isEqualTo(Source.NONE);
        assertThat(effective(acme).endpoint()).isEmpty();
    }

    @Test
    void aTenantFollowsTheDefaultUnlessItHasItsOwnOrTurnedItOff() {
        tx.inPlatformDo(
                em ->
                        settings.savePlatformDefault(
                                em,
                                "https://stt.example/v1",
                                "whisper-1",
                                Optional.of("sk-platform-1"),
                                false));
        saveOwn(acme, "https://own.example/v1", "whisper-large", Optional.of("sk-acme-1"), false);

        Effective a = effective(acme);
        assertThat(a.source()).isEqualTo(Source.TENANT);
        assertThat(a.endpoint().orElseThrow())
                .isEqualTo(
                        new TranscriptionEndpoint(
                                "https://own.example/v1", "whisper-large", "sk-acme-1"));
        Effective o = effective(other);
        assertThat(o.source()).isEqualTo(Source.PLATFORM);
        assertThat(o.endpoint().orElseThrow().apiKey()).isEqualTo("sk-platform-1");

        saveMode(other, Mode.OFF);
        assertThat(effective(other).source()).isEqualTo(Source.NONE);
        assertThat(effective(other).endpoint()).isEmpty();
    }

    @Test
    void keysAreStoredEncryptedAndKeptOrClearedOnSave() {
        saveOwn(
                acme,
                "https://own.example/v1",
                "whisper-1",
                Optional.of("sk-acme-secret-42"),
                false);
        List<Object> raw =
                DB.column(
                        acme,
                        "SELECT api_key FROM platform.tenant_transcription WHERE tenant_id = ?",
                        acme.id());
        assertThat(raw).hasSize(1);
        assertThat(raw.get(0).toString()).doesNotContain("sk-acme").startsWith(SecretBox.PREFIX);

        // a save without a key keeps it
        saveOwn(acme, "https://own.example/v1", "whisper-2", Optional.empty(), false);
        assertThat(effective(acme).endpoint().orElseThrow().apiKey())
                .isEqualTo("sk-acme-secret-42");
        assertThat(effective(acme).endpoint().orElseThrow().model()).isEqualTo("whisper-2");

        // clearing removes it
        saveOwn(acme, "https://own.example/v1", "whisper-2", Optional.empty(), true);
        assertThat(effective(acme).endpoint().orElseThrow().apiKey()).isEmpty();
    }
}
