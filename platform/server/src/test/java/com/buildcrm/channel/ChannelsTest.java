package com.buildcrm.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.channel.builtin.BuiltInChannels;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelsTest {

    final Channels channels = BuiltInChannels.create(message -> {}, Clock.systemUTC());

    @Test
    void knowsTheThreeBuiltInProviders() {
        assertThat(channels.keys()).containsExactlyInAnyOrder("chatflow", "meta-cloud", "sandbox");
        assertThat(channels.supports("chatflow")).isTrue();
        assertThat(channels.supports("whatsapp")).isFalse();
        assertThat(channels.supports(null)).isFalse();
    }

    @Test
    void unknownProviderIsRefused() {
        assertThatThrownBy(() -> channels.gateway("telegram", Map.of()))
                .isInstanceOf(UnknownChannelProviderException.class)
                .hasMessageContaining("telegram");
        assertThatThrownBy(() -> channels.webhook(null, Map.of()))
                .isInstanceOf(UnknownChannelProviderException.class);
    }

    @Test
    void missingRequiredSettingIsNamedWithoutRevealingOtherValues() {
        assertThatThrownBy(
                        () -> channels.gateway("chatflow", Map.of("token", "super-secret-token")))
                .isInstanceOf(InvalidChannelSettingsException.class)
                .hasMessageContaining("instanceId")
                .hasMessageNotContaining("super-secret-token");
        assertThatThrownBy(() -> channels.webhook("chatflow", Map.of()))
                .isInstanceOf(InvalidChannelSettingsException.class)
                .hasMessageContaining("webhookSecret");
        assertThatThrownBy(() -> channels.webhook("meta-cloud", Map.of("appSecret", "x")))
                .isInstanceOf(InvalidChannelSettingsException.class)
                .hasMessageContaining("verifyToken");
    }

    @Test
    void unusableSettingValuesAreRefused() {
        Map<String, String> base = Map.of("token", "t", "instanceId", "i");
        assertThatThrownBy(
                        () -> channels.gateway("chatflow", with(base, "connectTimeoutMs", "soon")))
                .isInstanceOf(InvalidChannelSettingsException.class)
                .hasMessageContaining("connectTimeoutMs");
        assertThatThrownBy(() -> channels.gateway("chatflow", with(base, "baseUrl", "ftp://x")))
                .isInstanceOf(InvalidChannelSettingsException.class);
        assertThatThrownBy(
                        () ->
                                channels.gateway(
                                        "meta-cloud",
                                        Map.of("phoneNumberId", "../../me", "accessToken", "t")))
                .isInstanceOf(InvalidChannelSettingsException.class);
    }

    @Test
    void everyProviderBuildsAGatewayAndAWebhookFromItsSettings() {
        assertThat(
                        channels.gateway("chatflow", Map.of("token", "t", "instanceId", "i"))
                                .capabilities()
                                .captionRequired())
                .isTrue();
        assertThat(
                        channels.gateway(
                                        "meta-cloud",
                                        Map.of(
                                                "phoneNumberId",
                                                "106540352242922",
                                                "accessToken",
                                                "t"))
                                .capabilities()
                                .deliveryReceipts())
                .isTrue();
        assertThat(channels.gateway("sandbox", Map.of()).capabilities().returnsMessageId())
                .isTrue();
        assertThat(channels.webhook("sandbox", Map.of())).isNotNull();
    }

    @Test
    void everyProviderDescribesItsSettingsAndMarksSecrets() {
        assertThat(channels.provider("chatflow").settingFields())
                .filteredOn(SettingField::secret)
                .extracting(SettingField::name)
                .containsExactlyInAnyOrder("token", "webhookSecret");
        assertThat(channels.provider("meta-cloud").settingFields())
                .filteredOn(SettingField::secret)
                .extracting(SettingField::name)
                .containsExactlyInAnyOrder("accessToken", "appSecret", "verifyToken");
    }

    @Test
    void settingsNeverPrintTheirValues() {
        assertThat(ChannelSettings.of(Map.of("token", "super-secret-token")).toString())
                .contains("token")
                .doesNotContain("super-secret-token");
    }

    @Test
    void secretComparisonNeedsAConfiguredSecret() {
        assertThat(SecretComparison.matches("abc", "abc")).isTrue();
        assertThat(SecretComparison.matches("abc", "abd")).isFalse();
        assertThat(SecretComparison.matches("", "")).isFalse();
        assertThat(SecretComparison.matches(null, null)).isFalse();
        assertThat(SecretComparison.matches("abc", null)).isFalse();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        var map = new java.util.HashMap<>(base);
        map.put(key, value);
        return map;
    }
}
