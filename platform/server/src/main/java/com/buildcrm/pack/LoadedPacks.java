package com.buildcrm.pack;

import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.PackDescriptor;
import com.buildcrm.plugin.api.PluginApi;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.pf4j.BasePluginRepository;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;
import org.pf4j.PluginRepository;
import org.pf4j.PluginWrapper;

/**
 * The packs of one directory, loaded with PF4J: what {@link PackHost} serves until the server
 * stops. Plain Java (no CDI), so tests load real jars with it.
 *
 * <p>Refused, each with one clear log line: a jar that bundles the plugin API classes (its
 * extensions would silently vanish: they implement another class loader's {@code IndustryPack}), a
 * pack whose {@code Plugin-Requires} does not accept {@link PluginApi#VERSION}, a pack without an
 * {@code IndustryPack} extension, and a pack whose descriptor id differs from its plugin id.
 */
public final class LoadedPacks implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LoadedPacks.class.getName());
    private static final String API_PACKAGE = "com/buildcrm/plugin/api/";

    private record Loaded(PackInfo info, GuardedPack pack, PackGuard guard) {}

    private final PluginManager manager;
    private final Map<String, Loaded> packs;
    private final IndustryPack fallback;
    private final Set<String> unknownAsked = ConcurrentHashMap.newKeySet();

    private LoadedPacks(PluginManager manager, Map<String, Loaded> packs, IndustryPack fallback) {
        this.manager = manager;
        this.packs = packs;
        this.fallback = fallback;
    }

    /** No packs at all (before start): every tenant gets the built-in minimal pack. */
    static LoadedPacks none() {
        return new LoadedPacks(null, Map.of(), BuiltInPack.INSTANCE);
    }

    /** Loads and starts the pack jars of {@code dir}. */
    public static LoadedPacks load(Path dir, Duration callTimeout) {
        return load(dir, PackGuard.Limits.of(callTimeout), System::nanoTime);
    }

    static LoadedPacks load(Path dir, PackGuard.Limits limits, LongSupplier nanoTime) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the packs directory " + dir, e);
        }
        reportJarsBundlingTheApi(dir);
        DefaultPluginManager manager =
                new DefaultPluginManager(dir) {
                    @Override
                    protected PluginRepository createPluginRepository() {
                        return new BasePluginRepository(
                                getPluginsRoots(), LoadedPacks::loadableJar);
                    }
                };
        manager.setSystemVersion(PluginApi.VERSION);
        manager.loadPlugins();
        for (PluginWrapper plugin : List.copyOf(manager.getPlugins())) {
            PluginDescriptor d = plugin.getDescriptor();
            String requires = d.getRequires();
            if (!manager.getVersionManager().checkVersionConstraint(PluginApi.VERSION, requires)) {
                LOG.severe(
                        () ->
                                "pack "
                                        + d.getPluginId()
                                        + " ("
                                        + plugin.getPluginPath().getFileName()
                                        + ") requires platform "
                                        + requires
                                        + " but this platform offers plugin API "
                                        + PluginApi.VERSION
                                        + ": not loaded");
            }
        }
        manager.startPlugins();

        Map<String, IndustryPack> raw = new LinkedHashMap<>();
        Map<String, PackInfo> infos = new LinkedHashMap<>();
        Map<String, PackGuard> guards = new LinkedHashMap<>();
        for (PluginWrapper plugin : List.copyOf(manager.getStartedPlugins())) {
            String id = plugin.getPluginId();
            List<IndustryPack> extensions = manager.getExtensions(IndustryPack.class, id);
            if (extensions.isEmpty()) {
                LOG.severe(
                        () ->
                                "pack "
                                        + id
                                        + " ("
                                        + plugin.getPluginPath().getFileName()
                                        + ") has no IndustryPack extension (is"
                                        + " META-INF/extensions.idx missing? is the class"
                                        + " annotated with @Extension?): not loaded");
                manager.stopPlugin(id);
                continue;
            }
            if (extensions.size() > 1) {
                LOG.warning(
                        () ->
                                "pack "
                                        + id
                                        + " has "
                                        + extensions.size()
                                        + " IndustryPack extensions; using "
                                        + extensions.get(0).getClass().getName());
            }
            IndustryPack pack = extensions.get(0);
            PackGuard guard = new PackGuard(id, plugin.getPluginClassLoader(), limits, nanoTime);
            Optional<PackDescriptor> descriptor = guard.run("descriptor", pack::descriptor);
            if (descriptor.isEmpty() || !id.equals(descriptor.get().id())) {
                LOG.severe(
                        () ->
                                "pack "
                                        + id
                                        + " ("
                                        + plugin.getPluginPath().getFileName()
                                        + ") refused: its descriptor id is "
                                        + descriptor.map(PackDescriptor::id).orElse("unreadable")
                                        + ", not its plugin id "
                                        + id);
                guard.close();
                manager.stopPlugin(id);
                continue;
            }
            PluginDescriptor pd = plugin.getDescriptor();
            raw.put(id, pack);
            guards.put(id, guard);
            infos.put(
                    id,
                    new PackInfo(
                            id,
                            descriptor.get().nameRu(),
                            descriptor.get().nameEn(),
                            pd.getVersion(),
                            pd.getRequires(),
                            pd.getProvider()));
        }

        IndustryPack fallback = BuiltInPack.INSTANCE;
        Map<String, Loaded> packs = new LinkedHashMap<>();
        String generic = PackHost.DEFAULT_PACK;
        if (raw.containsKey(generic)) {
            GuardedPack g =
                    new GuardedPack(generic, raw.get(generic), guards.get(generic), fallback);
            packs.put(generic, new Loaded(infos.get(generic), g, guards.get(generic)));
            fallback = g;
        } else {
            LOG.severe(
                    () ->
                            "the pack "
                                    + generic
                                    + " is not loaded from "
                                    + dir
                                    + ": tenants of a failing or unknown pack get the built-in"
                                    + " minimal pack");
        }
        for (var e : raw.entrySet()) {
            if (!e.getKey().equals(generic)) {
                String id = e.getKey();
                packs.put(
                        id,
                        new Loaded(
                                infos.get(id),
                                new GuardedPack(id, e.getValue(), guards.get(id), fallback),
                                guards.get(id)));
            }
        }
        LOG.info(() -> "industry packs loaded from " + dir + ": " + packs.keySet());
        return new LoadedPacks(manager, Collections.unmodifiableMap(packs), fallback);
    }

    /** The tenant's pack, guarded; an unknown or unloaded id gets {@code generic-sales}. */
    public IndustryPack packFor(String packId) {
        Loaded loaded = packId == null ? null : packs.get(packId);
        if (loaded != null) {
            return loaded.pack();
        }
        if (unknownAsked.add(String.valueOf(packId))) {
            LOG.warning(
                    () ->
                            "pack "
                                    + packId
                                    + " is not loaded; its tenants get "
                                    + PackHost.DEFAULT_PACK);
        }
        return fallback;
    }

    /** The loaded packs, {@code generic-sales} first. */
    public List<PackInfo> available() {
        return packs.values().stream().map(Loaded::info).toList();
    }

    /** Whether a pack with this id is loaded. */
    public boolean known(String packId) {
        return packId != null && packs.containsKey(packId);
    }

    @Override
    public void close() {
        packs.values().forEach(l -> l.guard().close());
        if (manager != null) {
            try {
                manager.stopPlugins();
                manager.unloadPlugins();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stopping the packs failed", e);
            }
        }
    }

    private static boolean loadableJar(File file) {
        return file.isFile() && file.getName().endsWith(".jar") && !bundlesApi(file.toPath());
    }

    private static void reportJarsBundlingTheApi(Path dir) {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the packs directory " + dir, e);
        }
        for (Path jar : jars) {
            if (bundlesApi(jar)) {
                LOG.severe(
                        () ->
                                "pack "
                                        + jar.getFileName()
                                        + " bundles the plugin API classes ("
                                        + API_PACKAGE
                                        + "*.class) and is refused: its extensions would be"
                                        + " invisible to the platform; build it with"
                                        + " buildcrm-plugin-api in provided scope");
            }
        }
    }

    private static boolean bundlesApi(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .anyMatch(
                            e ->
                                    e.getName().startsWith(API_PACKAGE)
                                            && e.getName().endsWith(".class"));
        } catch (IOException e) {
            return false; // not a readable jar: PF4J reports it
        }
    }
}
