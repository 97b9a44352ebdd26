package com.buildcrm.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.GreetingKind;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.MediaItem;
import com.buildcrm.plugin.api.PluginApi;
import com.buildcrm.plugin.api.QualificationField;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack jars this build produced (copied into target/classes/packs, as in the WAR), installed
 * and loaded the way the server does it. STACK.md: a jar that bundles the API loads with no
 * extensions and no error — only a test on the real jars catches that.
 */
class RealPacksTest {

    @TempDir static Path dir;
    private static CapturedLogs logs;
    private static LoadedPacks packs;

    @BeforeAll
    static void load() {
        logs = new CapturedLogs();
        assertThat(BundledPacks.install(dir, RealPacksTest.class.getClassLoader()))
                .containsExactlyInAnyOrder("generic-sales.jar", "panel-houses.jar");
        packs = LoadedPacks.load(dir, Duration.ofSeconds(2));
    }

    @AfterAll
    static void close() {
        packs.close();
        logs.close();
    }

    @Test
    void bothBundledPacksLoadWithTheirExtensions() {
        assertThat(packs.available())
                .extracting(PackInfo::id)
                .containsExactly("generic-sales", "panel-houses");
        assertThat(packs.available())
                .allSatisfy(
                        info -> {
                            // generated from the pom's plugin-api.version, as PluginApi.VERSION is
                            assertThat(info.requires())
                                    .isEqualTo(">=" + PluginApi.VERSION + " & <" + nextMajor());
                            assertThat(info.provider()).isEqualTo("BuildCRM");
                            assertThat(info.nameRu()).isNotBlank();
                            assertThat(info.nameEn()).isNotBlank();
                        });
        assertThat(logs.problems()).isEmpty();
    }

    private static String nextMajor() {
        return (Integer.parseInt(PluginApi.VERSION.split("\\.")[0]) + 1) + ".0.0";
    }

    @Test
    void genericSalesHasItsSchema() {
        assertThat(packs.packFor("generic-sales").qualificationSchema())
                .extracting(QualificationField::key)
                .containsExactly(
                        "need", "city", "budget_kzt", "timeline", "name", "preferred_call_time");
    }

    @Test
    void panelHousesHasItsSchemaSettingsAndAlbum() {
        IndustryPack pack = packs.packFor("panel-houses");
        assertThat(pack.qualificationSchema())
                .extracting(QualificationField::key)
                .containsExactly(
                        "city",
                        "length_m",
                        "width_m",
                        "height_m",
                        "foundation_closed",
                        "windows",
                        "doors",
                        "has_project",
                        "name",
                        "preferred_call_time");
        assertThat(pack.settingsSchema()).isNotEmpty();
        assertThat(pack.priceMinimumFields()).isNotEmpty();
        assertThat(pack.industryPrompt("ru")).isNotBlank();
        GreetingStep album =
                pack.defaultGreeting("ru").stream()
                        .filter(s -> s.kind() == GreetingKind.ALBUM)
                        .findFirst()
                        .orElseThrow();
        for (MediaItem item : album.media()) {
            assertThat(pack.media(item.name())).as(item.name()).isPresent();
        }
        assertThat(
                        pack.extract(
                                new ExtractionRequest(
                                        "Алматы, дом 10 на 8", Map.of(), null, Map.of())))
                .isNotNull();
        assertThat(logs.problems()).isEmpty();
    }

    @Test
    void theAdminViewShowsBothLocales() {
        PackInfo info = packs.available().get(1);
        PackResponse response = PackResponse.of(info, packs.packFor(info.id()));

        assertThat(response.id()).isEqualTo("panel-houses");
        assertThat(response.version()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(response.qualificationSchema())
                .extracting(PackResponse.FieldResponse::key)
                .contains("length_m");
        assertThat(response.defaultGreeting()).containsOnlyKeys("ru", "en");
        assertThat(response.defaultGreeting().get("ru")).isNotEmpty();
        assertThat(response.defaultFollowUps().get("en")).isNotEmpty();
    }
}
