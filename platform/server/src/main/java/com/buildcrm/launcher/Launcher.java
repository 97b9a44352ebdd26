package com.buildcrm.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The uber jar's entry point ({@code java -jar buildcrm.jar}), in front of Payara Micro's own:
 *
 * <ul>
 *   <li>picks the listening port: {@code --port}, else {@code BUILDCRM_PORT} (or {@code
 *       -Dbuildcrm.port}), else {@code PORT} (set by hosting platforms), else 8080 — and hands it
 *       to Payara as {@code --port} and to the application as {@code buildcrm.port}, so the banner
 *       and the listener agree;
 *   <li>refuses to start when that port is taken (Payara would log a BindException and run on
 *       without a listener for ever);
 *   <li>refuses a malformed {@code DATABASE_URL} with one line (see {@link DatabaseUrl});
 *   <li>lets the heap shrink back when the operator did not size it ({@link HeapDefaults});
 *   <li>configures the console ({@link ConsoleLog}: quiet by default, {@code BUILDCRM_LOG_LEVEL},
 *       {@code BUILDCRM_LOG_FORMAT=json}) unless {@code --logproperties} is given;
 *   <li>makes SIGTERM end the process with status 0 (the application then replaces this with its
 *       draining handler, {@code com.buildcrm.platform.PlatformShutdown});
 *   <li>exits with status 1 and the cause on one line of stderr when the application did not start
 *       (Payara keeps running without it otherwise).
 * </ul>
 *
 * Only JDK classes here: it runs before Payara's class loader exists.
 */
public final class Launcher {

    /** Set by the application when its start-up finished (read here after Payara's boot). */
    public static final String STARTED_PROPERTY = "buildcrm.launcher.started";

    /** Set by the application to the one-line cause when its start-up failed. */
    public static final String FAILURE_PROPERTY = "buildcrm.launcher.failure";

    static final int DEFAULT_PORT = 8080;

    /** The JSON-P system property naming the provider class, and the one Payara bundles. */
    static final String JSON_PROVIDER_PROPERTY = "jakarta.json.provider";

    static final String JSON_PROVIDER = "org.eclipse.parsson.JsonProviderImpl";

    /** Payara Micro options that print something or build a jar rather than run a server. */
    private static final Set<String> NOT_A_SERVER =
            Set.of("--help", "--version", "--outputuberjar", "--outputlauncher");

    private Launcher() {}

    public static void main(String[] args) {
        List<String> argv = new ArrayList<>(List.of(args));
        if (argv.stream()
                .anyMatch(a -> NOT_A_SERVER.contains(a.toLowerCase(java.util.Locale.ROOT)))) {
            runPayara(argv);
            return;
        }
        int port;
        try {
            port = port(argv, System.getenv(), System.getProperty("buildcrm.port"));
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        if (option(argv, "--port").isEmpty()) {
            argv.add("--port");
            argv.add(Integer.toString(port));
        }
        System.setProperty("buildcrm.port", Integer.toString(port));
        nameJsonProvider();
        HeapDefaults.apply();
        try {
            DatabaseUrl.fromEnvironment(System.getenv(), System.getProperty("buildcrm.db.url"));
            if (option(argv, "--logproperties").isEmpty()) {
                argv.add("--logproperties");
                argv.add(ConsoleLog.write(System.getenv()).toString());
            }
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        exitOnTerm();
        Optional<String> taken = portTaken(port);
        if (taken.isPresent()) {
            fail(
                    "port "
                            + port
                            + " is already in use ("
                            + taken.get()
                            + "); stop what listens there or choose another with BUILDCRM_PORT");
            return;
        }
        runPayara(argv);
        String failure = System.getProperty(FAILURE_PROPERTY);
        if (failure != null) {
            fail(failure);
        } else if (!Boolean.parseBoolean(System.getProperty(STARTED_PROPERTY))) {
            fail("the application was not deployed (the log above says why)");
        }
    }

    /**
     * Names JSON-P's provider (unless the operator did). Without the name, every {@code
     * Json.create*} call — Payara's JWT check runs several on each signed-in request — looks the
     * provider up with a {@code ServiceLoader} scan of the class path; with it, the class is loaded
     * once. Measured: signed-in requests 15–40 % faster (ADR 043).
     */
    static void nameJsonProvider() {
        if (System.getProperty(JSON_PROVIDER_PROPERTY) == null) {
            System.setProperty(JSON_PROVIDER_PROPERTY, JSON_PROVIDER);
        }
    }

    /**
     * Until the application installs its draining handler, SIGTERM (and Ctrl-C) end the process
     * with status 0 through the normal shutdown (Payara's hooks run): a platform stopping an
     * instance that is still starting is no failure.
     */
    private static void exitOnTerm() {
        for (String name : List.of("TERM", "INT")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> System.exit(0));
            } catch (IllegalArgumentException e) {
                // this platform has no such signal (or the JVM reserved it): keep the default
            }
        }
    }

    /**
     * The port to listen on: {@code --port}, else {@code buildcrm.port} (system property), else
     * {@code BUILDCRM_PORT}, else {@code PORT}, else 8080.
     *
     * @throws IllegalArgumentException when the chosen value is not a port number
     */
    static int port(List<String> argv, Map<String, String> env, String systemProperty) {
        Optional<String> arg = option(argv, "--port");
        if (arg.isPresent()) {
            return parse("--port", arg.get());
        }
        if (systemProperty != null && !systemProperty.isBlank()) {
            return parse("buildcrm.port", systemProperty);
        }
        for (String name : List.of("BUILDCRM_PORT", "PORT")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return parse(name, value);
            }
        }
        return DEFAULT_PORT;
    }

    private static int parse(String name, String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a port number (1-65535), not '" + value.strip() + "'");
        }
    }

    /** The value following {@code name} (or given as {@code name=value}). */
    static Optional<String> option(List<String> argv, String name) {
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equalsIgnoreCase(name) && i + 1 < argv.size()) {
                return Optional.of(argv.get(i + 1));
            }
            if (a.toLowerCase(java.util.Locale.ROOT).startsWith(name + "=")) {
                return Optional.of(a.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** Why the port cannot be bound, if it cannot (it is released again at once). */
    static Optional<String> portTaken(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void runPayara(List<String> argv) {
        try {
            Class.forName("fish.payara.micro.PayaraMicro")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) argv.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            fail(oneLine(e.getCause()));
        } catch (ReflectiveOperationException e) {
            fail("Payara Micro is missing from this jar: " + oneLine(e));
        }
    }

    /** The failure and its root cause as {@code Type: message; cause: Type: message}, one line. */
    public static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = describe(t) + (root == t ? "" : "; cause: " + describe(root));
        line = line.replaceAll("\\s+", " ").strip();
        return line.length() > 1000 ? line.substring(0, 1000) + "…" : line;
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static void fail(String cause) {
        System.err.println("BuildCRM failed to start: " + cause.replaceAll("\\s+", " ").strip());
        System.err.flush();
        System.exit(1);
    }
}
