package com.buildcrm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void theNamedJsonProviderIsTheOneTheServiceLoaderWouldFindAndAnOperatorsChoiceStands() {
        String before = System.getProperty(Launcher.JSON_PROVIDER_PROPERTY);
        try {
            System.clearProperty(Launcher.JSON_PROVIDER_PROPERTY);
            // found by the class-path scan the name replaces: the same class
            assertThat(jakarta.json.spi.JsonProvider.provider().getClass().getName())
                    .isEqualTo(Launcher.JSON_PROVIDER);
            Launcher.nameJsonProvider();
            assertThat(System.getProperty(Launcher.JSON_PROVIDER_PROPERTY))
                    .isEqualTo(Launcher.JSON_PROVIDER);
            System.setProperty(Launcher.JSON_PROVIDER_PROPERTY, "com.example.TheirProvider");
            Launcher.nameJsonProvider();
            assertThat(System.getProperty(Launcher.JSON_PROVIDER_PROPERTY))
                    .isEqualTo("com.example.TheirProvider");
        } finally {
            if (before == null) {
                System.clearProperty(Launcher.JSON_PROVIDER_PROPERTY);
            } else {
                System.setProperty(Launcher.JSON_PROVIDER_PROPERTY, before);
            }
        }
    }

    @Test
    void thePortComesFromTheArgumentThenBuildcrmPortThenPort() {
        Map<String, String> both = Map.of("BUILDCRM_PORT", "9090", "PORT", "7070");
        assertThat(Launcher.port(List.of("--port", "8181"), both, null)).isEqualTo(8181);
        assertThat(Launcher.port(List.of("--port=8182"), both, null)).isEqualTo(8182);
        assertThat(Launcher.port(List.of(), both, "9191")).isEqualTo(9191);
        assertThat(Launcher.port(List.of(), both, null)).isEqualTo(9090);
        assertThat(Launcher.port(List.of(), Map.of("PORT", "7070"), null)).isEqualTo(7070);
        assertThat(Launcher.port(List.of(), Map.of("BUILDCRM_PORT", " "), null)).isEqualTo(8080);
        assertThat(Launcher.port(List.of("--rootdir", "x"), Map.of(), null)).isEqualTo(8080);
    }

    @Test
    void aPortThatIsNoNumberIsNamed() {
        assertThatThrownBy(() -> Launcher.port(List.of(), Map.of("PORT", "http"), null))
                .hasMessageContaining("PORT")
                .hasMessageContaining("http");
        assertThatThrownBy(() -> Launcher.port(List.of(), Map.of("BUILDCRM_PORT", "70000"), null))
                .hasMessageContaining("BUILDCRM_PORT");
    }

    @Test
    void aFailureIsOneLine() {
        String line =
                Launcher.oneLine(
                        new IllegalStateException(
                                "first\nsecond", new java.io.IOException("root\tcause")));
        assertThat(line)
                .isEqualTo("IllegalStateException: first second; cause: IOException: root cause")
                .doesNotContain("\n");
    }
}
