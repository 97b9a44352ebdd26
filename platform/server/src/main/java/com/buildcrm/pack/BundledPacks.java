package com.buildcrm.pack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * The packs built in this repository travel in the WAR as classpath resources {@code
 * packs/<file>.jar}, listed in {@code packs/bundled.list}. At start they are copied into the packs
 * directory when missing or different, so a fresh install (and every test) runs the packs built
 * with it, while packs an operator dropped into the directory stay untouched.
 */
final class BundledPacks {

    private static final Logger LOG = Logger.getLogger(BundledPacks.class.getName());
    static final String LIST = "packs/bundled.list";

    private BundledPacks() {}

    /** Copies the bundled packs into {@code dir}; answers the file names that were (re)written. */
    static List<String> install(Path dir, ClassLoader classLoader) {
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (String name : names(classLoader)) {
                byte[] bundled;
                try (InputStream in = classLoader.getResourceAsStream("packs/" + name)) {
                    if (in == null) {
                        LOG.warning(
                                () ->
                                        "bundled pack "
                                                + name
                                                + " is listed in "
                                                + LIST
                                                + " but missing from the build");
                        continue;
                    }
                    bundled = in.readAllBytes();
                }
                Path target = dir.resolve(name);
                if (Files.isRegularFile(target)
                        && Arrays.equals(Files.readAllBytes(target), bundled)) {
                    continue;
                }
                Path tmp = Files.createTempFile(dir, ".bundled-", ".tmp");
                Files.write(tmp, bundled);
                Files.move(
                        tmp,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                written.add(name);
                LOG.info(() -> "installed the bundled pack " + name + " into " + dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the bundled packs into " + dir, e);
        }
        return written;
    }

    private static List<String> names(ClassLoader classLoader) throws IOException {
        try (InputStream in = classLoader.getResourceAsStream(LIST)) {
            if (in == null) {
                LOG.warning("no " + LIST + " on the classpath: no bundled packs to install");
                return List.of();
            }
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(String::trim)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList();
            }
        }
    }
}
