package com.buildcrm.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares the Payara Micro process Arquillian starts for a deployment class: a fresh data
 * directory (so the embedded PostgreSQL, the keys and the demo company are new on every run) and
 * the first operator's password, passed as JVM options through {@code payara.cmdOptions}. Register
 * it before {@code ArquillianExtension}, which reads that property when it configures the
 * container. After the class (Arquillian has stopped Payara by then: after-all callbacks run in
 * reverse order) the data directory is deleted. Inside the container (where {@code payara.microJar}
 * is not set) it does nothing.
 */
public final class PayaraMicroProcess implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PayaraMicroProcess.class);

    /** The first operator's login in the deployed application. */
    public static final String OPERATOR_EMAIL = "admin@buildcrm.local";

    /** The first operator's password in the deployed application. */
    public static final String OPERATOR_PASSWORD = "arquillian-operator-1";

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        String microJar = System.getProperty("payara.microJar");
        if (microJar == null) {
            return;
        }
        if (!Files.isRegularFile(Path.of(microJar))) {
            throw new IllegalStateException(
                    "no Payara Micro at "
                            + microJar
                            + ": package the server first (./mvnw -pl platform/server -am package)");
        }
        Path target = Path.of(System.getProperty("buildcrm.war")).toAbsolutePath().getParent();
        Path dataDir = Files.createTempDirectory(target, "arquillian-data-");
        context.getStore(NAMESPACE).put("dataDir", dataDir);
        System.setProperty(
                "payara.cmdOptions",
                String.join(
                        " ",
                        "-Xmx768m",
                        // a test server lives for a minute: C1 alone starts it sooner on few cores
                        "-XX:TieredStopAtLevel=1",
                        "-Dbuildcrm.data.dir=" + dataDir,
                        "-Dbuildcrm.operator.password=" + OPERATOR_PASSWORD));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Path dataDir = context.getStore(NAMESPACE).remove("dataDir", Path.class);
        if (dataDir == null || !Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: it lies under target/, which the next clean removes anyway
        }
    }
}
