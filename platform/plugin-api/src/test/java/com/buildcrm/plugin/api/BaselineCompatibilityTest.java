package com.buildcrm.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionPoint;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * A pack built for the last released contract (the baseline jar, ADR 016) keeps working on this
 * one: additions to the contract's interfaces must come with default methods. The japicmp check in
 * the build guards the same rule at the class-file level; these tests run an old pack for real.
 */
class BaselineCompatibilityTest {

    /** The pack as a 1.0 integrator would have written it, compiled against the baseline jar. */
    private static final String OLD_PACK =
            """
            package old.pack;

            import com.buildcrm.plugin.api.*;
            import com.buildcrm.plugin.api.text.TextNormalizer;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import org.pf4j.Extension;

            @Extension
            public class OldPack implements IndustryPack {
                public PackDescriptor descriptor() {
                    return new PackDescriptor("old-pack", "Старый пакет", "Old pack");
                }
                public List<QualificationField> qualificationSchema() {
                    return List.of(
                            new QualificationField("name", FieldType.TEXT, true, "Имя", "Name", "Как вас зовут?", "Name?"),
                            new QualificationField("city", FieldType.TEXT, true, "Город", "City", "Город?", "City?"),
                            new QualificationField("preferred_call_time", FieldType.TEXT, false, "Время", "Time", "Когда?", "When?"));
                }
                public Extraction extract(ExtractionRequest request) {
                    return new Extraction(Map.of("note", TextNormalizer.normalize(request.text())));
                }
                public List<String> priceMinimumFields() {
                    return List.of("city");
                }
                public String industryPrompt(String locale) {
                    return "old industry " + locale;
                }
                public List<Advice> advise(AdviceRequest request) {
                    return List.of(new Advice("old", "advice"));
                }
                public List<GreetingStep> defaultGreeting(String locale) {
                    return List.of(GreetingStep.text("hello"));
                }
                public List<FollowUpText> defaultFollowUps(String locale) {
                    return List.of(new FollowUpText(60, "still there?"));
                }
                public List<PackSetting> settingsSchema() {
                    return List.of(new PackSetting("region", FieldType.TEXT, "Регион", "Region", null));
                }
                public Optional<PackMedia> media(String name) {
                    return Optional.empty();
                }
            }
            """;

    private static final String OLD_PLUGIN =
            """
            package old.pack;

            public class OldPlugin extends org.pf4j.Plugin {}
            """;

    /**
     * What each parameter type of the contract's methods gets when the test calls them; a method
     * added with a new parameter type needs a sample here.
     */
    private static final Map<Class<?>, Object> SAMPLES =
            Map.of(
                    String.class, "ru",
                    ExtractionRequest.class,
                            new ExtractionRequest("Здравствуйте", Map.of(), null, Map.of()),
                    AdviceRequest.class, new AdviceRequest(Map.of(), Set.of(), "ru", Map.of()));

    @Test
    void aPackCompiledAgainstTheBaselineLoadsWithPf4jAndAnswersEveryMethodOfThisContract(
            @TempDir Path work) throws Exception {
        Path packs = Files.createDirectories(work.resolve("packs"));
        buildOldPackJar(work, packs.resolve("old-pack.jar"));

        PluginManager manager = new DefaultPluginManager(packs);
        manager.setSystemVersion(PluginApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        try {
            assertNotNull(manager.getPlugin("old-pack"), "PF4J did not load the 1.0 pack");
            assertEquals(PluginState.STARTED, manager.getPlugin("old-pack").getPluginState());
            List<IndustryPack> found = manager.getExtensions(IndustryPack.class, "old-pack");
            assertEquals(1, found.size(), "the 1.0 pack's extension is not visible");
            IndustryPack pack = found.get(0);
            assertEquals("old-pack", pack.descriptor().id());

            List<String> broken = new ArrayList<>();
            for (Method method : IndustryPack.class.getMethods()) {
                if (Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                try {
                    method.invoke(pack, arguments(method));
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof AbstractMethodError) {
                        broken.add(method.getName());
                    } else {
                        throw e;
                    }
                }
            }
            assertEquals(
                    List.of(),
                    broken,
                    "methods a 1.0 pack cannot answer (give them a default implementation)");
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }

    @Test
    void everyInterfaceMethodAddedSinceTheBaselineHasADefault() throws Exception {
        List<Class<?>> interfaces = contractInterfaces();
        assertTrue(
                interfaces.contains(IndustryPack.class), "the scan found no contract interfaces");
        List<String> abstractAdditions = new ArrayList<>();
        try (URLClassLoader baseline =
                new URLClassLoader(
                        new URL[] {baselineJar().toUri().toURL(), codeSource(ExtensionPoint.class)},
                        ClassLoader.getPlatformClassLoader())) {
            for (Class<?> current : interfaces) {
                Set<String> released = signatures(released(baseline, current.getName()));
                for (Method method : current.getDeclaredMethods()) {
                    if (Modifier.isAbstract(method.getModifiers())
                            && !released.contains(signature(method))) {
                        abstractAdditions.add(current.getSimpleName() + "." + signature(method));
                    }
                }
            }
        }
        assertEquals(
                List.of(),
                abstractAdditions,
                "abstract methods added since the baseline break every pack built for it");
    }

    private static Object[] arguments(Method method) {
        return Arrays.stream(method.getParameterTypes())
                .map(
                        type -> {
                            if (!SAMPLES.containsKey(type)) {
                                fail("no sample argument for " + type + " in " + method);
                            }
                            return SAMPLES.get(type);
                        })
                .toArray();
    }

    /** The public interfaces of this contract, read from where its classes are. */
    private static List<Class<?>> contractInterfaces() throws Exception {
        Path root = Paths.get(codeSource(IndustryPack.class).toURI());
        List<String> names;
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                names =
                        files.map(root::relativize)
                                .map(Path::toString)
                                .map(p -> p.replace('\\', '/'))
                                .collect(Collectors.toList());
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                names = jar.stream().map(JarEntry::getName).collect(Collectors.toList());
            }
        }
        List<Class<?>> interfaces = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith("com/buildcrm/plugin/api/")
                    && name.endsWith(".class")
                    && !name.contains("$")) {
                Class<?> type =
                        Class.forName(
                                name.substring(0, name.length() - ".class".length())
                                        .replace('/', '.'));
                if (type.isInterface()
                        && !type.isAnnotation()
                        && Modifier.isPublic(type.getModifiers())) {
                    interfaces.add(type);
                }
            }
        }
        return interfaces;
    }

    private static Class<?> released(ClassLoader baseline, String name) {
        try {
            return Class.forName(name, false, baseline);
        } catch (ClassNotFoundException e) {
            return null; // a new interface: nothing was released that could break
        }
    }

    private static Set<String> signatures(Class<?> type) {
        if (type == null) {
            return Set.of();
        }
        return Arrays.stream(type.getDeclaredMethods())
                .map(BaselineCompatibilityTest::signature)
                .collect(Collectors.toSet());
    }

    private static String signature(Method method) {
        return method.getName()
                + Arrays.stream(method.getParameterTypes())
                        .map(Class::getName)
                        .collect(Collectors.joining(",", "(", ")"));
    }

    /** Compiles the old pack against the baseline jar only and packs it as a PF4J plugin jar. */
    private static void buildOldPackJar(Path work, Path jar) throws Exception {
        Path sources = Files.createDirectories(work.resolve("src/old/pack"));
        Files.writeString(sources.resolve("OldPack.java"), OLD_PACK);
        Files.writeString(sources.resolve("OldPlugin.java"), OLD_PLUGIN);
        Path classes = Files.createDirectories(work.resolve("classes"));
        String classPath =
                String.join(
                        java.io.File.pathSeparator,
                        baselineJar().toString(),
                        Paths.get(codeSource(ExtensionPoint.class).toURI()).toString(),
                        Paths.get(codeSource(org.slf4j.Logger.class).toURI()).toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status =
                javac.run(
                        null,
                        null,
                        null,
                        "--release",
                        "17",
                        "-proc:none",
                        "-encoding",
                        "UTF-8",
                        "-classpath",
                        classPath,
                        "-d",
                        classes.toString(),
                        sources.resolve("OldPack.java").toString(),
                        sources.resolve("OldPlugin.java").toString());
        assertEquals(0, status, "the 1.0 pack does not compile against the baseline jar");

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", "old-pack");
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Class", "old.pack.OldPlugin");
        main.putValue("Plugin-Provider", "an integrator");
        main.putValue("Plugin-Requires", ">=1.0.0 & <2.0.0");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            jarOut.write("old.pack.OldPack\n".getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
            for (String name : List.of("OldPack.class", "OldPlugin.class")) {
                jarOut.putNextEntry(new JarEntry("old/pack/" + name));
                jarOut.write(Files.readAllBytes(classes.resolve("old/pack").resolve(name)));
                jarOut.closeEntry();
            }
        }
    }

    private static Path baselineJar() {
        String path = System.getProperty("plugin-api.baseline");
        assertNotNull(path, "system property plugin-api.baseline is not set (run through Maven)");
        Path jar = Paths.get(path);
        assertTrue(Files.isRegularFile(jar), "no baseline jar at " + jar);
        return jar;
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
