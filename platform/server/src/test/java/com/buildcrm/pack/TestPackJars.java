package com.buildcrm.pack;

import com.buildcrm.plugin.api.IndustryPack;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.pf4j.Plugin;

/**
 * Builds real PF4J pack jars inside a test: compiles a small {@code IndustryPack} with the JDK's
 * compiler against the plugin API and PF4J, and writes the jar with the PF4J manifest and {@code
 * META-INF/extensions.idx} — exactly what a pack's Maven build produces.
 */
final class TestPackJars {

    /** What a test pack does; each body is Java source of the method's body. */
    static final class Spec {
        final String id;
        String descriptorId;
        String requires = ">=1.0.0 & <2.0.0";
        String schema =
                "return List.of(field(\"name\"), field(\"city\"), field(\"preferred_call_time\"),"
                        + " field(\"marker\"));";
        String extract = "return new Extraction(Map.of(\"source\", \"%ID%\"));";
        String prompt = "return \"prompt of %ID%\";";
        boolean bundleApi;

        Spec(String id) {
            this.id = id;
            this.descriptorId = id;
        }

        Spec descriptorId(String value) {
            descriptorId = value;
            return this;
        }

        Spec requires(String value) {
            requires = value;
            return this;
        }

        Spec schema(String body) {
            schema = body;
            return this;
        }

        Spec extract(String body) {
            extract = body;
            return this;
        }

        Spec prompt(String body) {
            prompt = body;
            return this;
        }

        Spec bundlingTheApi() {
            bundleApi = true;
            return this;
        }
    }

    private TestPackJars() {}

    static Spec pack(String id) {
        return new Spec(id);
    }

    /** Compiles the pack and writes {@code <dir>/<id>.jar}. */
    static Path build(Path dir, Spec spec) throws IOException {
        String pkg = "testpacks." + spec.id.replaceAll("[^a-z0-9]", "");
        String source =
                """
                package %PKG%;

                import com.buildcrm.plugin.api.*;
                import java.util.*;

                @org.pf4j.Extension
                public class TestPack implements IndustryPack {
                    static QualificationField field(String key) {
                        return new QualificationField(key, FieldType.TEXT, true,
                                key + " ru", key + " en", "ask " + key + " ru", "ask " + key + " en");
                    }
                    public PackDescriptor descriptor() {
                        return new PackDescriptor("%DESC%", "Тест %ID%", "Test %ID%");
                    }
                    public List<QualificationField> qualificationSchema() { %SCHEMA% }
                    public Extraction extract(ExtractionRequest request) { %EXTRACT% }
                    public List<String> priceMinimumFields() { return List.of("city"); }
                    public String industryPrompt(String locale) { %PROMPT% }
                    public List<Advice> advise(AdviceRequest request) { return List.of(); }
                    public List<GreetingStep> defaultGreeting(String locale) {
                        return List.of(GreetingStep.text("hello from %ID%"));
                    }
                    public List<FollowUpText> defaultFollowUps(String locale) {
                        return List.of(new FollowUpText(60, "still there? (%ID%)"));
                    }
                    public List<PackSetting> settingsSchema() { return List.of(); }
                    public Optional<PackMedia> media(String name) { return Optional.empty(); }
                }
                """
                        .replace("%SCHEMA%", spec.schema)
                        .replace("%EXTRACT%", spec.extract)
                        .replace("%PROMPT%", spec.prompt)
                        .replace("%PKG%", pkg)
                        .replace("%DESC%", spec.descriptorId)
                        .replace("%ID%", spec.id);
        String plugin = "package " + pkg + "; public class TestPlugin extends org.pf4j.Plugin {}";

        Path work = Files.createTempDirectory("pack-src-");
        Path src = work.resolve("src/" + pkg.replace('.', '/'));
        Files.createDirectories(src);
        Files.writeString(src.resolve("TestPack.java"), source);
        Files.writeString(src.resolve("TestPlugin.java"), plugin);
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath =
                location(IndustryPack.class) + java.io.File.pathSeparator + location(Plugin.class);
        int rc =
                javac.run(
                        null,
                        null,
                        null,
                        "-proc:none",
                        "-classpath",
                        classpath,
                        "-d",
                        classes.toString(),
                        src.resolve("TestPack.java").toString(),
                        src.resolve("TestPlugin.java").toString());
        if (rc != 0) {
            throw new IllegalStateException("test pack " + spec.id + " did not compile");
        }

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", spec.id);
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Class", pkg + ".TestPlugin");
        main.putValue("Plugin-Provider", "tests");
        main.putValue("Plugin-Requires", spec.requires);
        Path jar = dir.resolve(spec.id + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            put(
                    out,
                    "META-INF/extensions.idx",
                    (pkg + ".TestPack\n").getBytes(StandardCharsets.UTF_8));
            for (Path cls : list(classes)) {
                put(
                        out,
                        classes.relativize(cls).toString().replace('\\', '/'),
                        Files.readAllBytes(cls));
            }
            if (spec.bundleApi) {
                for (var e : apiClasses()) {
                    put(out, e.name(), e.bytes());
                }
            }
        }
        return jar;
    }

    private record Entry(String name, byte[] bytes) {}

    /** The plugin API's class files, from its jar or its target/classes directory. */
    private static List<Entry> apiClasses() throws IOException {
        Path api = Path.of(location(IndustryPack.class));
        List<Entry> entries = new ArrayList<>();
        if (Files.isDirectory(api)) {
            for (Path cls : list(api.resolve("com/buildcrm/plugin/api"))) {
                entries.add(
                        new Entry(
                                api.relativize(cls).toString().replace('\\', '/'),
                                Files.readAllBytes(cls)));
            }
        } else {
            try (JarFile jar = new JarFile(api.toFile())) {
                for (JarEntry e : jar.stream().toList()) {
                    if (e.getName().startsWith("com/buildcrm/plugin/api/")
                            && e.getName().endsWith(".class")) {
                        entries.add(new Entry(e.getName(), jar.getInputStream(e).readAllBytes()));
                    }
                }
            }
        }
        return entries;
    }

    private static List<Path> list(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
