package com.buildcrm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment recipes in {@code deploy/} agree with the code and the README (ADR 026): every
 * environment name they set is a setting the server reads and the README's tables list, the ports
 * and the health check path are the server's, and the image runs the README's start command. Docker
 * is not available on the build machines, so this is what checks the Dockerfile.
 */
class DeployRecipesTest {

    private static final Path ROOT = findRoot();

    /** The JVM's own variable, not a server setting. */
    private static final Set<String> NOT_SETTINGS = Set.of("JAVA_TOOL_OPTIONS");

    private static final String START_COMMAND = "java -jar platform/server/target/buildcrm.jar";

    @Test
    void everyEnvironmentNameInTheRecipesIsASettingOfTheServer() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        names.addAll(dockerfileNames());
        names.addAll(composeAppNames());
        names.addAll(renderNames());
        assertThat(names).contains("PORT", "DATABASE_URL", "BUILDCRM_MASTER_KEY");
        String readme = read("README.md");
        String code = mainSources();
        for (String name : names) {
            if (NOT_SETTINGS.contains(name)) {
                continue;
            }
            assertThat(readme)
                    .as(name + " is in a README table")
                    .containsPattern("(?m)^\\|.*`" + Pattern.quote(name) + "`");
            String dotted = name.toLowerCase(Locale.ROOT).replace('_', '.');
            assertThat(code.contains('"' + name + '"') || code.contains('"' + dotted + '"'))
                    .as(name + " (or \"" + dotted + "\") is read by the server's code")
                    .isTrue();
        }
    }

    @Test
    void theImageRunsTheReadmesCommandsAsANonRootUserWithAHealthCheck() throws IOException {
        String docker = read("deploy/Dockerfile");
        String readme = read("README.md");
        assertThat(readme).contains("./mvnw -B -DskipTests package && " + START_COMMAND);
        List<String> from = lines(docker, "^FROM\\s+(\\S+)");
        assertThat(from)
                .as("multi-stage: build, then a JRE runtime")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(from.get(from.size() - 1)).contains("17-jre");
        assertThat(docker).containsPattern("(?m)^RUN \\./mvnw -B( -ntp)? -DskipTests package$");
        assertThat(lines(docker, "^CMD\\s+(.+)$"))
                .containsExactly("[\"" + String.join("\", \"", START_COMMAND.split(" ")) + "\"]");
        assertThat(lines(docker, "^COPY --from=build .* (\\S+)$"))
                .contains("platform/server/target/buildcrm.jar");
        List<String> user = lines(docker, "^USER\\s+(\\S+)");
        assertThat(user).hasSize(1);
        assertThat(user.get(0)).isNotIn("root", "0");
        assertThat(lines(docker, "^EXPOSE\\s+(\\d+)"))
                .containsExactly(Integer.toString(Launcher.DEFAULT_PORT));
        assertThat(docker)
                .contains("HEALTHCHECK")
                .contains("${BUILDCRM_PORT:-${PORT:-" + Launcher.DEFAULT_PORT + "}}/health/ready");
    }

    @Test
    void healthCheckPathsAreTheServersReadiness() throws IOException, ClassNotFoundException {
        assertThat(
                        Class.forName("com.buildcrm.health.ReadinessCheck")
                                .isAnnotationPresent(
                                        org.eclipse.microprofile.health.Readiness.class))
                .as("MicroProfile Health serves /health/ready from @Readiness checks")
                .isTrue();
        assertThat(lines(read("deploy/render.yaml"), "^\\s+healthCheckPath:\\s*(\\S+)"))
                .containsExactly("/health/ready");
        assertThat(read("README.md")).contains("/health/ready").contains("/health/live");
    }

    @Test
    void composeRunsTheInstancesTheNginxFileNamesOnTheirPort() throws IOException {
        String compose = read("deploy/compose.yaml");
        assertThat(compose).contains("./nginx.conf:/etc/nginx/conf.d/default.conf");
        assertThat(ROOT.resolve("deploy/nginx.conf")).exists();
        String nginx = read("deploy/nginx.conf");
        List<String> upstreams = lines(nginx, "^\\s*server\\s+([\\w.-]+:\\d+)");
        assertThat(upstreams).isNotEmpty();
        String port = lines(compose, "^\\s+PORT:\\s*\"?(\\d+)\"?").get(0);
        for (String upstream : upstreams) {
            String[] hostPort = upstream.split(":");
            assertThat(compose)
                    .as("service " + hostPort[0])
                    .containsPattern("(?m)^  " + hostPort[0] + ":$");
            assertThat(hostPort[1]).as(upstream + " is the instances' PORT").isEqualTo(port);
        }
        assertThat(lines(compose, "stop_grace_period:\\s*(\\d+)s").get(0))
                .as("longer than the drain bound (20 s) plus the container's shutdown")
                .satisfies(s -> assertThat(Integer.parseInt(s)).isGreaterThan(25));
    }

    @Test
    void vercelServesBothAppsWithTheirRuntimeConfig() throws IOException {
        jakarta.json.JsonObject vercel;
        try (var reader =
                jakarta.json.Json.createReader(new StringReader(read("deploy/vercel.json")))) {
            vercel = reader.readObject();
        }
        String out = vercel.getString("outputDirectory");
        String build = vercel.getString("buildCommand");
        assertThat(build)
                .contains("npm run build -w web-crm")
                .contains("npm run build -w web-admin")
                .contains("web-crm/dist " + out + "/crm")
                .contains("web-admin/dist " + out + "/admin")
                .contains("apiBaseUrl")
                .contains(out + "/crm/config.json")
                .contains(out + "/admin/config.json");
        assertThat(read(".gitignore")).contains(out + "/");
        String csp = vercel.toString();
        // the API origin the CSP allows is the Blueprint's service
        String service = lines(read("deploy/render.yaml"), "^\\s+name:\\s*(buildcrm-api)$").get(0);
        assertThat(csp).contains("connect-src 'self' https://" + service + ".onrender.com");
    }

    private static List<String> dockerfileNames() throws IOException {
        String docker = read("deploy/Dockerfile");
        Set<String> names = new LinkedHashSet<>();
        Matcher env = Pattern.compile("(?m)^ENV ((?:.*\\\\\\n)*.*)$").matcher(docker);
        while (env.find()) {
            Matcher kv = Pattern.compile("([A-Z][A-Z0-9_]*)=").matcher(env.group(1));
            while (kv.find()) {
                names.add(kv.group(1));
            }
        }
        Matcher ref = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(docker);
        while (ref.find()) {
            names.add(ref.group(1));
        }
        return List.copyOf(names);
    }

    /** The instances' environment: the keys of the {@code x-buildcrm} anchor's environment. */
    private static List<String> composeAppNames() throws IOException {
        String compose = read("deploy/compose.yaml");
        int start = compose.indexOf("  environment: &buildcrm-env");
        int end = compose.indexOf("\n  depends_on:", start);
        assertThat(start).isNotNegative();
        return lines(compose.substring(start, end), "^    ([A-Z][A-Z0-9_]*):");
    }

    private static List<String> renderNames() throws IOException {
        return lines(read("deploy/render.yaml"), "^\\s+- key:\\s*([A-Z][A-Z0-9_]*)");
    }

    private static List<String> lines(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).strip());
        }
        return found;
    }

    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(ROOT.resolve("platform/server/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/Dockerfile"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no deploy/Dockerfile above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
