package com.buildcrm.pack;

import static com.buildcrm.pack.TestPackJars.pack;
import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.PluginApi;
import com.buildcrm.plugin.api.QualificationField;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packs built in the test as real PF4J jars, loaded from a directory like the server does. */
class LoadedPacksTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir Path dir;
    private CapturedLogs logs;
    private LoadedPacks packs;

    @BeforeEach
    void captureLogs() {
        logs = new CapturedLogs();
    }

    @AfterEach
    void close() {
        if (packs != null) {
            packs.close();
        }
        logs.close();
    }

    private static ExtractionRequest message(String text) {
        return new ExtractionRequest(text, Map.of(), null, Map.of());
    }

    @Test
    void healthyPacksLoadAndAnswerThemselves() throws Exception {
        TestPackJars.build(dir, pack("generic-sales"));
        TestPackJars.build(dir, pack("windows"));

        packs = LoadedPacks.load(dir, TIMEOUT);

        assertThat(packs.available())
                .extracting(PackInfo::id)
                .containsExactly("generic-sales", "windows");
        assertThat(packs.known("windows")).isTrue();
        assertThat(packs.available().get(1).version()).isEqualTo("1.0.0");
        assertThat(packs.available().get(1).nameEn()).isEqualTo("Test windows");
        IndustryPack windows = packs.packFor("windows");
        assertThat(windows.extract(message("hi")).values()).isEqualTo(Map.of("source", "windows"));
        assertThat(windows.qualificationSchema())
                .extracting(QualificationField::key)
                .containsExactly("name", "city", "preferred_call_time", "marker");
        assertThat(windows.industryPrompt("ru")).isEqualTo("prompt of windows");
    }

    @Test
    void anUnknownPackGivesTheTenantGenericSales() throws Exception {
        TestPackJars.build(dir, pack("generic-sales"));

        packs = LoadedPacks.load(dir, TIMEOUT);

        assertThat(packs.known("no-such-pack")).isFalse();
        assertThat(packs.packFor("no-such-pack").extract(message("hi")).values())
                .isEqualTo(Map.of("source", "generic-sales"));
        assertThat(packs.packFor(null).industryPrompt("ru")).isEqualTo("prompt of generic-sales");
    }

    @Test
    void aThrowingPackFallsBackToGenericSalesAndIsLogged() throws Exception {
        TestPackJars.build(dir, pack("generic-sales"));
        TestPackJars.build(
                dir,
                pack("broken")
                        .extract("throw new IllegalStateException(\"extractor exploded\");")
                        .prompt("return null;")
                        .schema("return List.of(field(\"name\"));"));

        packs = LoadedPacks.load(dir, TIMEOUT);
        IndustryPack broken = packs.packFor("broken");

        assertThat(broken.extract(message("hi")).values())
                .isEqualTo(Map.of("source", "generic-sales"));
        assertThat(broken.industryPrompt("ru")).isEqualTo("prompt of generic-sales");
        assertThat(broken.qualificationSchema())
                .extracting(QualificationField::key)
                .contains("marker");
        assertThat(logs.problems())
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains("pack broken failed in extract")
                                        .contains("extractor exploded"))
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains(
                                                "pack broken failed in industryPrompt: returned null"))
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains("pack broken failed in qualificationSchema")
                                        .contains("core key"));
    }

    @Test
    void aHangingPackAnswersWithGenericSalesWithinTheTimeout() throws Exception {
        TestPackJars.build(dir, pack("generic-sales"));
        TestPackJars.build(
                dir,
                pack("sleepy")
                        .extract(
                                "while (true) { try { Thread.sleep(1000); } catch"
                                        + " (InterruptedException ignoredOnPurpose) { } }"));

        packs = LoadedPacks.load(dir, TIMEOUT);
        IndustryPack sleepy = packs.packFor("sleepy");

        long start = System.nanoTime();
        var answer = sleepy.extract(message("hi"));
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.values()).isEqualTo(Map.of("source", "generic-sales"));
        assertThat(ms).isBetween(TIMEOUT.toMillis() - 20, TIMEOUT.toMillis() + 1500);
        assertThat(logs.problems())
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains(
                                                "pack sleepy failed in extract: did not answer within 300 ms"));

        // after a few timeouts in a row it is put aside: no more waiting for it
        sleepy.extract(message("hi"));
        sleepy.extract(message("hi"));
        assertThat(((GuardedPack) sleepy).degraded()).isTrue();
        long again = System.nanoTime();
        assertThat(sleepy.extract(message("hi")).values())
                .isEqualTo(Map.of("source", "generic-sales"));
        assertThat((System.nanoTime() - again) / 1_000_000).isLessThan(TIMEOUT.toMillis());
        // its other methods are skipped too while degraded, and generic-sales answers
        assertThat(sleepy.industryPrompt("ru")).isEqualTo("prompt of generic-sales");
    }

    @Test
    void aPackBundlingTheApiClassesIsRejectedWithAClearLine() throws Exception {
        TestPackJars.build(dir, pack("generic-sales"));
        TestPackJars.build(dir, pack("fat").bundlingTheApi());

        packs = LoadedPacks.load(dir, TIMEOUT);

        assertThat(packs.known("fat")).isFalse();
        assertThat(packs.known("generic-sales")).isTrue();
        assertThat(logs.problems())
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains("pack fat.jar bundles the plugin API classes")
                                        .contains(
                                                "build it with buildcrm-plugin-api in provided scope"));
    }

    @Test
    void aPackRequiringAnotherMajorVersionIsNotLoaded() throws Exception {
        TestPackJars.build(dir, pack("generic-sales"));
        TestPackJars.build(dir, pack("future").requires(">=2.0.0"));

        packs = LoadedPacks.load(dir, TIMEOUT);

        assertThat(packs.known("future")).isFalse();
        assertThat(packs.available()).extracting(PackInfo::id).containsExactly("generic-sales");
        assertThat(logs.problems())
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains("pack future")
                                        .contains("requires platform >=2.0.0")
                                        .contains("plugin API " + PluginApi.VERSION));
    }

    @Test
    void aPackWhoseDescriptorIdDiffersFromItsPluginIdIsRefused() throws Exception {
        TestPackJars.build(dir, pack("generic-sales"));
        TestPackJars.build(dir, pack("impostor").descriptorId("panel-houses"));

        packs = LoadedPacks.load(dir, TIMEOUT);

        assertThat(packs.known("impostor")).isFalse();
        assertThat(packs.known("panel-houses")).isFalse();
        assertThat(logs.problems())
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains("pack impostor")
                                        .contains("descriptor id is panel-houses"));
    }

    @Test
    void withoutGenericSalesTenantsGetTheBuiltInMinimalPack() throws Exception {
        TestPackJars.build(dir, pack("broken").extract("throw new IllegalStateException();"));

        packs = LoadedPacks.load(dir, TIMEOUT);

        assertThat(packs.packFor("broken").extract(message("hi")).values()).isEmpty();
        assertThat(packs.packFor("other").qualificationSchema())
                .extracting(QualificationField::key)
                .containsExactly("name", "city", "preferred_call_time");
        assertThat(logs.problems())
                .anySatisfy(m -> assertThat(m).contains("generic-sales is not loaded"));
    }
}
