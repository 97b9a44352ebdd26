package com.buildcrm.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.instancio.GeneratorSpecProvider;
import org.instancio.Instancio;
import org.instancio.Select;

/**
 * Turns the served OpenAPI document into fuzz requests: for each operation and example number a
 * request (path and query parameters, headers, body) drawn with Instancio's generators from a
 * {@link Random} seeded by (seed, operation, example), so every run sends the same requests. Each
 * example has a {@link Mode}: schema-valid values, boundaries, wrong JSON types, missing fields,
 * nasty strings (NUL, unicode, traversal, injection), huge values or a malformed body.
 *
 * <p>The document declares no enums and few required fields, so names give hints for valid values
 * ({@code provider}, {@code role}, {@code locale}, …) and {@link World} supplies real ids of the
 * fixture tenants, including a second tenant's ids for cross-tenant tries.
 */
final class ApiFuzzer {

    /** What an example tries. */
    enum Mode {
        VALID,
        /**
         * One query parameter or one string of the body gets a NUL character, the rest is valid.
         */
        NUL,
        WRONG_TYPES,
        MISSING,
        BOUNDARY,
        HUGE,
        MALFORMED,
        /** One or two values become nasty strings (traversal, injection, odd unicode, …). */
        NASTY
    }

    /** One operation of the document. */
    record Op(String method, String path, Operation operation) {
        String key() {
            return method + " " + path;
        }
    }

    /** A request ready to send (the same one for every role). */
    record FuzzRequest(
            Op op,
            int example,
            Mode mode,
            String pathAndQuery,
            Map<String, String> headers,
            String contentType,
            byte[] body) {

        String describe() {
            String shown =
                    body == null
                            ? "(no body)"
                            : new String(
                                            body,
                                            0,
                                            Math.min(body.length, 300),
                                            StandardCharsets.UTF_8)
                                    + (body.length > 300 ? "…(" + body.length + " bytes)" : "");
            String target =
                    pathAndQuery.length() > 300
                            ? pathAndQuery.substring(0, 300) + "…"
                            : pathAndQuery;
            return op.method() + " " + target + " [" + mode + " #" + example + "] " + shown;
        }

        /** The request's text, to match signatures (path, query, headers and body). */
        String text() {
            return pathAndQuery
                    + " "
                    + headers
                    + " "
                    + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Values from the running fixture: real ids, tokens and keys (read at generation time). */
    interface World {
        /** Known ids for a path or body name ({@code tenants}, {@code leads}, …), both tenants. */
        List<Object> ids(String kind);

        /** A current refresh token of one of the fixture users. */
        String refreshToken(Random random);

        /** A URL on a closed loopback port: no generated request makes the server call out. */
        String deadUrl();

        /** Query parameters the document does not declare but the operation reads. */
        Map<String, String> extraQuery(Op op, Random random);

        /** A valid-ish body to start from where the document's schema is free-form or partial. */
        JsonNode template(Op op, Random random);

        /** Headers the operation needs beyond the bearer token (e.g. a webhook signature). */
        Map<String, String> headers(Op op, String pathAndQuery, byte[] body, Mode mode);
    }

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] PNG =
            java.util.Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /** Strings known to break things: NUL, traversal, injection, odd unicode, number lookalikes. */
    static final List<String> NASTY =
            List.of(
                    "\u0000",
                    "a\u0000b",
                    "%00",
                    "../../keys/master.key",
                    "..%2F..%2Fkeys%2Fmaster.key",
                    "/etc/passwd",
                    "..\\..\\..\\windows\\win.ini",
                    "' OR '1'='1",
                    "\"; DROP TABLE leads; --",
                    "<script>alert(1)</script>",
                    "😀🔥❄️",
                    "\u202Eevil\u202C",
                    "𝕏𝕐ℤ",
                    "\uFEFF",
                    "\uD800",
                    "Здравствуйте, сколько стоит дом?",
                    "Ş日本語عربي",
                    " ",
                    "",
                    "null",
                    "NaN",
                    "-1",
                    "0",
                    "1e309",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "{{7*7}}",
                    "${7*7}",
                    "%s%s%s%n",
                    "\r\nX-Injected: 1",
                    "\\",
                    "\"",
                    "\t\n\r",
                    "a".repeat(5000));

    /** A generator of Instancio's and the type it makes. */
    private record Spec<T>(Class<T> type, GeneratorSpecProvider<T> provider) {}

    private static final Spec<String> UNICODE =
            new Spec<>(
                    String.class,
                    g ->
                            g.string()
                                    .length(1, 40)
                                    .unicode(
                                            Character.UnicodeBlock.BASIC_LATIN,
                                            Character.UnicodeBlock.LATIN_1_SUPPLEMENT,
                                            Character.UnicodeBlock.CYRILLIC,
                                            Character.UnicodeBlock.ARABIC,
                                            Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS,
                                            Character.UnicodeBlock.GENERAL_PUNCTUATION,
                                            Character.UnicodeBlock.SPECIALS,
                                            Character.UnicodeBlock.EMOTICONS,
                                            Character.UnicodeBlock
                                                    .MATHEMATICAL_ALPHANUMERIC_SYMBOLS));
    private static final Spec<String> WORDS =
            new Spec<>(String.class, g -> g.string().length(3, 12).lowerCase().alphaNumeric());
    private static final Spec<Integer> SMALL =
            new Spec<>(Integer.class, g -> g.ints().range(-5, 500));
    private static final Spec<BigDecimal> DECIMALS =
            new Spec<>(
                    BigDecimal.class,
                    g ->
                            g.math()
                                    .bigDecimal()
                                    .range(new BigDecimal("-1e6"), new BigDecimal("1e6"))
                                    .scale(3));
    private static final List<Long> EDGE_LONGS =
            List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MAX_VALUE + 1);
    private static final List<JsonNode> HUGE_NUMBERS =
            List.of(
                    JSON.numberNode(new BigInteger("1" + "0".repeat(40))),
                    JSON.numberNode(new BigDecimal("-1e308")),
                    JSON.numberNode(Long.MAX_VALUE),
                    JSON.numberNode(Long.MIN_VALUE),
                    JSON.numberNode(new BigInteger("9223372036854775808")),
                    JSON.numberNode(2147483648L),
                    JSON.numberNode(-2147483649L),
                    JSON.numberNode(new BigDecimal("1e-400")),
                    JSON.numberNode(-0.0d));

    /** Name (lower case) → valid values, since the document declares no enums. */
    private static final Map<String, List<String>> CHOICES =
            Map.ofEntries(
                    Map.entry("provider", List.of("sandbox", "chatflow", "meta-cloud")),
                    Map.entry("role", List.of("owner", "rop", "manager", "operator")),
                    Map.entry("locale", List.of("ru", "en", "kk")),
                    Map.entry("timezone", List.of("Asia/Almaty", "UTC", "Europe/Moscow")),
                    Map.entry("pack", List.of("panel-houses", "generic-sales")),
                    Map.entry("brain", List.of("rules", "llm")),
                    Map.entry("kind", List.of("text", "album", "link", "voice")),
                    Map.entry("temperature", List.of("HOT", "WARM", "COLD")),
                    Map.entry("handledby", List.of("ai", "human", "AI", "HUMAN")),
                    Map.entry("sort", List.of("score", "lastActivity", "createdAt")),
                    Map.entry("noreply", List.of("true", "false")),
                    Map.entry("color", List.of("#1e90ff", "#000000", "red")),
                    Map.entry("phone", List.of("+77011234567", "+77012223344", "87015550000")),
                    Map.entry("model", List.of("gpt-test")),
                    Map.entry(
                            "from",
                            List.of(
                                    "2026-01-01",
                                    "2026-12-03T10:00:00+05:00",
                                    "2026-01-01T00:00Z")),
                    Map.entry("to", List.of("2026-12-31", "2027-01-01T00:00:00+05:00")),
                    Map.entry("armedat", List.of("2026-12-03T10:00:00+05:00")),
                    Map.entry("dueat", List.of("2026-12-03T10:00:00+05:00")),
                    Map.entry("before", List.of("2026-12-03T10:00:00+05:00", "100")),
                    Map.entry("hub.mode", List.of("subscribe")));

    private final OpenAPI api;
    private final long seed;
    private final World world;

    ApiFuzzer(String openApiJson, long seed, World world) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        var result = new OpenAPIV3Parser().readContents(openApiJson, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException(
                    "the served OpenAPI does not parse: " + result.getMessages());
        }
        this.api = result.getOpenAPI();
        this.seed = seed;
        this.world = world;
    }

    /** Every operation of the document, sorted by path and method. */
    List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
            e.getValue()
                    .readOperationsMap()
                    .forEach((m, o) -> ops.add(new Op(m.name(), e.getKey(), o)));
        }
        ops.sort(Comparator.comparing(Op::path).thenComparing(Op::method));
        return ops;
    }

    /** The request of one example: a function of (seed, operation, example) and the world. */
    FuzzRequest request(Op op, int example) {
        Random random = new Random(seed * 1_000_003L + op.key().hashCode() * 7919L + example);
        Mode mode = Mode.values()[example % Mode.values().length];
        Gen gen = new Gen(random, mode, op.path());

        String path = op.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        List<Parameter> params = op.operation().getParameters();
        List<Parameter> queryParams =
                params == null
                        ? List.of()
                        : params.stream().filter(p -> "query".equals(p.getIn())).toList();
        boolean hasBody = op.operation().getRequestBody() != null;
        // NUL and NASTY change one thing: a query parameter, or (see Gen.mutate) the body
        if ((mode == Mode.NUL || mode == Mode.NASTY)
                && !queryParams.isEmpty()
                && (!hasBody || random.nextBoolean())) {
            gen.queryTarget = queryParams.get(random.nextInt(queryParams.size())).getName();
        }
        for (Parameter p : params == null ? List.<Parameter>of() : params) {
            String name = p.getName();
            switch (p.getIn()) {
                case "path" -> path = path.replace("{" + name + "}", gen.pathValue(name, p));
                case "query" -> {
                    boolean target = name.equals(gen.queryTarget);
                    if (!target && (mode == Mode.MISSING || random.nextInt(3) == 0)) {
                        continue;
                    }
                    appendQuery(query, name, gen.paramValue(name, p.getSchema()));
                }
                case "header" -> {
                    if (!"authorization".equalsIgnoreCase(name) && random.nextBoolean()) {
                        headers.put(name, gen.headerValue(name));
                    }
                }
                default -> {}
            }
        }
        world.extraQuery(op, random)
                .forEach(
                        (k, v) ->
                                appendQuery(
                                        query,
                                        k,
                                        mode != Mode.NASTY || random.nextBoolean()
                                                ? v
                                                : gen.nasty()));
        String pathAndQuery = path + (query.length() == 0 ? "" : "?" + query);

        String contentType = null;
        byte[] body = null;
        var requestBody = op.operation().getRequestBody();
        if (requestBody != null && requestBody.getContent() != null) {
            if (requestBody.getContent().containsKey("application/json")) {
                contentType = "application/json";
                body =
                        gen.jsonBody(
                                op, requestBody.getContent().get("application/json").getSchema());
                if (mode == Mode.MALFORMED && random.nextInt(3) == 0) {
                    contentType =
                            List.of(
                                            "text/plain",
                                            "application/xml",
                                            "application/x-www-form-urlencoded")
                                    .get(random.nextInt(3));
                }
                if (body == null) {
                    contentType = null;
                }
            } else {
                String boundary = "fuzz" + Long.toHexString(random.nextLong());
                contentType = "multipart/form-data; boundary=" + boundary;
                body = gen.multipart(boundary);
                if (mode == Mode.MALFORMED) {
                    contentType =
                            List.of(
                                            "multipart/form-data",
                                            "application/json",
                                            "image/png",
                                            "multipart/form-data; boundary=other")
                                    .get(random.nextInt(4));
                }
            }
        }
        confineUrls(pathAndQuery);
        if (body != null) {
            confineUrls(new String(body, StandardCharsets.UTF_8));
        }
        headers.putAll(world.headers(op, pathAndQuery, body, mode));
        return new FuzzRequest(op, example, mode, pathAndQuery, headers, contentType, body);
    }

    /** The safety net: a generated request never names a host other than the loopback. */
    private static void confineUrls(String text) {
        var m = java.util.regex.Pattern.compile("(?i)https?://([^/:\"\\s]*)").matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("127.0.0.1")) {
                throw new IllegalStateException("a fuzz request would name host " + m.group(1));
            }
        }
    }

    private static void appendQuery(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(encode(name)).append('=').append(encode(value));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The draws of one example. */
    private final class Gen {
        private final Random random;
        private final Mode mode;
        private final String opPath;
        private boolean hugeParamDrawn;

        /** The query parameter that NUL or NASTY changes; null when they change the body. */
        String queryTarget;

        Gen(Random random, Mode mode, String opPath) {
            this.random = random;
            this.mode = mode;
            this.opPath = opPath;
        }

        /** One value of an Instancio generator, seeded from this example's random. */
        <T> T draw(Spec<T> spec) {
            return Instancio.of(spec.type())
                    .withSeed(random.nextLong())
                    .generate(Select.root(), spec.provider())
                    .create();
        }

        /** A long in [min, max], the bounds themselves one time in four. */
        long longBetween(long min, long max) {
            if (random.nextInt(4) == 0) {
                return random.nextBoolean() ? min : max;
            }
            return draw(new Spec<>(Long.class, g -> g.longs().range(min, max)));
        }

        long anyLong() {
            return random.nextInt(3) == 0
                    ? pick(EDGE_LONGS)
                    : draw(new Spec<>(Long.class, g -> g.longs()));
        }

        <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        String nasty() {
            return random.nextBoolean() ? pick(NASTY) : draw(UNICODE);
        }

        String withNul(String valid) {
            return pick(List.of(valid + "\u0000", "\u0000" + valid, "a\u0000b", "\u0000"));
        }

        String pathValue(String name, Parameter p) {
            List<Object> known = world.ids(kindOf(name, p));
            // NUL and NASTY requests should reach the application: real ids in their paths
            boolean useKnown =
                    !known.isEmpty()
                            && (mode == Mode.VALID
                                    || mode == Mode.NUL
                                    || random.nextInt(3) == 0
                                    || (mode == Mode.NASTY && random.nextInt(3) != 0));
            if (useKnown) {
                return encode(String.valueOf(pick(known)));
            }
            String raw =
                    switch (mode) {
                        case VALID, MISSING, NUL -> String.valueOf(draw(SMALL));
                        case BOUNDARY ->
                                pick(
                                        List.of(
                                                "0",
                                                "-1",
                                                "1",
                                                Long.toString(Long.MAX_VALUE),
                                                "9223372036854775808",
                                                "1.5",
                                                "1e3"));
                        case WRONG_TYPES ->
                                pick(List.of("abc", "true", "null", "[]", "{}", "0x10"));
                        case HUGE -> "9".repeat(300);
                        default -> nasty();
                    };
            if (raw.isEmpty()) {
                raw = " ";
            }
            return encode(raw);
        }

        private String kindOf(String name, Parameter p) {
            if ("channelKey".equals(name)) {
                // the key of a channel of the provider the path names
                return opPath.contains("/meta/") ? "metakey" : "chatflowkey";
            }
            if (!"id".equals(name)) {
                return name.toLowerCase(Locale.ROOT);
            }
            String before = opPath.substring(0, Math.max(0, opPath.indexOf("{" + name + "}")));
            String[] parts =
                    java.util.Arrays.stream(before.split("/"))
                            .filter(s -> !s.isEmpty())
                            .toArray(String[]::new);
            return parts.length == 0 ? name : parts[parts.length - 1];
        }

        String paramValue(String name, Schema<?> schema) {
            JsonNode v = value(name, schema, 0);
            String text = v.isTextual() ? v.textValue() : v.toString();
            boolean target = name.equals(queryTarget);
            return switch (mode) {
                case NUL -> target ? withNul(text) : text;
                case NASTY -> target ? nasty() : text;
                case WRONG_TYPES -> {
                    JsonNode other = otherType(v);
                    yield other.isTextual() ? other.textValue() : other.toString();
                }
                case BOUNDARY ->
                        pick(
                                List.of(
                                        "",
                                        "0",
                                        "-1",
                                        "99999999999999999999",
                                        Long.toString(Long.MIN_VALUE),
                                        "1e400",
                                        "x".repeat(201)));
                case HUGE -> {
                    // one huge value per request: the whole request line must stay under the
                    // HTTP layer's 8 KB, or the application never sees it (and Grizzly may close
                    // the connection without an answer): 1,000 × "Ж" is 6,000 bytes URL-encoded
                    if (hugeParamDrawn) {
                        yield text;
                    }
                    hugeParamDrawn = true;
                    yield "Ж".repeat(1000);
                }
                default -> text;
            };
        }

        String headerValue(String name) {
            // header values must be visible ASCII; nasty ones go through the body and query
            return switch (mode) {
                case VALID -> "1";
                case HUGE -> "x".repeat(4000);
                default -> draw(WORDS);
            };
        }

        byte[] jsonBody(Op op, Schema<?> schema) {
            if (mode == Mode.MALFORMED) {
                String raw =
                        pick(
                                List.of(
                                        "{",
                                        "[]",
                                        "null",
                                        "\"text\"",
                                        "12",
                                        "{\"a\":",
                                        "{\"a\":1,}",
                                        "\u0000",
                                        "[".repeat(5000) + "]".repeat(5000),
                                        "{\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                                        "\uFEFF{}",
                                        "<xml/>"));
                return raw.getBytes(StandardCharsets.UTF_8);
            }
            if (mode == Mode.MISSING && random.nextInt(4) == 0) {
                return random.nextBoolean() ? null : new byte[0];
            }
            JsonNode valid = merge(value("body", schema, 0), world.template(op, random));
            JsonNode body = mutate(valid);
            body = confineChannel(body);
            try {
                return MAPPER.writeValueAsBytes(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] multipart(String boundary) {
            String name = "file.png";
            String type = "image/png";
            byte[] file = PNG;
            String field = "file";
            switch (mode) {
                case NUL -> name = "house\u0000.png";
                case NASTY -> {
                    name =
                            pick(
                                    List.of(
                                            "../../keys/master.key",
                                            "a\u0000.png",
                                            "😀.png",
                                            "x.html"));
                    type = pick(List.of("text/html", "image/png", "application/x-msdownload"));
                    file =
                            ("\u0089PNG<html><script>alert(1)</script></html>\u0000")
                                    .getBytes(StandardCharsets.UTF_8);
                }
                case WRONG_TYPES -> {
                    type = "application/json";
                    file = "{\"file\":1}".getBytes(StandardCharsets.UTF_8);
                }
                case MISSING -> {
                    field = "other";
                }
                case BOUNDARY -> file = new byte[0];
                case HUGE -> {
                    file = new byte[2 * 1024 * 1024];
                    random.nextBytes(file);
                }
                default -> {}
            }
            return Api.multipart(boundary, field, name, type, file);
        }

        /** A schema-valid-ish value, by type, bounds and name hints. */
        JsonNode value(String name, Schema<?> schema, int depth) {
            String lower = name.toLowerCase(Locale.ROOT);
            String type = schema == null ? null : schema.getType();
            if (schema != null
                    && schema.getProperties() != null
                    && !schema.getProperties().isEmpty()) {
                ObjectNode o = JSON.objectNode();
                if (depth < 6) {
                    schema.getProperties().forEach((k, s) -> o.set(k, value(k, s, depth + 1)));
                }
                return o;
            }
            if ("array".equals(type) || (schema != null && schema.getItems() != null)) {
                ArrayNode a = JSON.arrayNode();
                int max = schema.getMaxItems() == null ? 3 : Math.min(3, schema.getMaxItems());
                int n = random.nextInt(max + 1);
                String item = lower.endsWith("ids") ? lower : name;
                for (int i = 0; i < n && depth < 6; i++) {
                    a.add(value(item, schema.getItems(), depth + 1));
                }
                return a;
            }
            if ("object".equals(type)) {
                ObjectNode o = JSON.objectNode();
                if (random.nextBoolean()) {
                    o.put(draw(WORDS), draw(WORDS));
                }
                return o;
            }
            List<Object> ids = world.ids(lower);
            if (!ids.isEmpty() && random.nextInt(4) != 0) {
                Object id = pick(ids);
                return "string".equals(type) || id instanceof String
                        ? TextNode.valueOf(String.valueOf(id))
                        : JSON.numberNode(((Number) id).longValue());
            }
            if ("integer".equals(type) || "number".equals(type)) {
                long min = schema.getMinimum() == null ? -1000 : schema.getMinimum().longValue();
                long max = schema.getMaximum() == null ? 100_000 : schema.getMaximum().longValue();
                if ("number".equals(type) && random.nextBoolean()) {
                    BigDecimal d = draw(DECIMALS);
                    return JSON.numberNode(
                            d.max(BigDecimal.valueOf(min)).min(BigDecimal.valueOf(max)));
                }
                return JSON.numberNode(longBetween(min, max));
            }
            if ("boolean".equals(type)) {
                return JSON.booleanNode(random.nextBoolean());
            }
            return TextNode.valueOf(string(lower, schema));
        }

        private String string(String lower, Schema<?> schema) {
            if (CHOICES.containsKey(lower)) {
                return pick(CHOICES.get(lower));
            }
            if (lower.contains("url")) {
                return world.deadUrl() + draw(WORDS);
            }
            if (lower.equals("refreshtoken")) {
                return world.refreshToken(random);
            }
            if (lower.contains("email")) {
                return "fz" + draw(WORDS) + "@example.com";
            }
            if (lower.contains("password")) {
                return "fuzz-pass-" + draw(WORDS);
            }
            if (lower.equals("slug") || lower.equals("tenant")) {
                return "fz" + draw(WORDS);
            }
            if (lower.contains("token") || lower.contains("secret") || lower.contains("key")) {
                return "fuzz-" + draw(WORDS);
            }
            int min = schema == null || schema.getMinLength() == null ? 1 : schema.getMinLength();
            int max =
                    schema == null || schema.getMaxLength() == null
                            ? 40
                            : Math.min(40, schema.getMaxLength());
            int from = Math.max(1, min);
            int to = Math.max(from, max);
            Spec<String> text =
                    random.nextBoolean()
                            ? new Spec<>(
                                    String.class,
                                    g ->
                                            g.string()
                                                    .length(from, to)
                                                    .unicode(Character.UnicodeBlock.CYRILLIC))
                            : WORDS;
            return draw(text);
        }

        /** Applies the example's mode to a valid body. */
        JsonNode mutate(JsonNode valid) {
            List<JsonPointerRef> leaves = new ArrayList<>();
            collect(valid, null, null, leaves);
            switch (mode) {
                case VALID -> {}
                case NUL, NASTY -> {
                    if (queryTarget != null) {
                        break;
                    }
                    List<JsonPointerRef> strings =
                            leaves.stream().filter(r -> r.node().isTextual()).toList();
                    if (mode == Mode.NUL && !strings.isEmpty()) {
                        JsonPointerRef ref = pick(strings);
                        ref.set(TextNode.valueOf(withNul(ref.node().textValue())));
                    } else if (!leaves.isEmpty()) {
                        int n = 1 + random.nextInt(2);
                        for (int i = 0; i < n; i++) {
                            pick(strings.isEmpty() ? leaves : strings)
                                    .set(TextNode.valueOf(nasty()));
                        }
                    }
                }
                case WRONG_TYPES -> {
                    int n = 1 + random.nextInt(Math.max(1, leaves.size()));
                    for (int i = 0; i < n && !leaves.isEmpty(); i++) {
                        JsonPointerRef ref = pick(leaves);
                        ref.set(otherType(ref.node()));
                    }
                    if (leaves.isEmpty() || random.nextInt(4) == 0) {
                        return otherType(valid);
                    }
                }
                case MISSING -> {
                    if (valid instanceof ObjectNode o && o.size() > 0) {
                        List<String> names = new ArrayList<>();
                        o.fieldNames().forEachRemaining(names::add);
                        int drop = 1 + random.nextInt(names.size());
                        for (int i = 0; i < drop; i++) {
                            o.remove(pick(names));
                        }
                    }
                    for (JsonPointerRef ref : leaves) {
                        if (random.nextInt(4) == 0) {
                            ref.set(JSON.nullNode());
                        }
                    }
                }
                case BOUNDARY -> {
                    for (JsonPointerRef ref : leaves) {
                        if (ref.node().isTextual()) {
                            ref.set(
                                    TextNode.valueOf(
                                            pick(
                                                    List.of(
                                                            "",
                                                            " ",
                                                            "x".repeat(101),
                                                            "x".repeat(201),
                                                            "x".repeat(4001),
                                                            "я".repeat(20001)))));
                        } else if (ref.node().isNumber()) {
                            ref.set(
                                    random.nextBoolean()
                                            ? pick(HUGE_NUMBERS)
                                            : JSON.numberNode(anyLong()));
                        }
                    }
                }
                case HUGE -> {
                    for (JsonPointerRef ref : leaves) {
                        if (ref.node().isTextual()) {
                            ref.set(TextNode.valueOf("Ж".repeat(70_000)));
                        } else if (ref.node().isArray()) {
                            ArrayNode big = JSON.arrayNode();
                            for (int i = 0; i < 2000; i++) {
                                big.add(i);
                            }
                            ref.set(big);
                        }
                    }
                }
                case MALFORMED -> {}
            }
            return valid;
        }

        private JsonNode otherType(JsonNode node) {
            List<JsonNode> others = new ArrayList<>();
            if (!node.isTextual()) {
                others.add(TextNode.valueOf(random.nextBoolean() ? "yes" : draw(WORDS)));
            }
            if (!node.isNumber()) {
                others.add(JSON.numberNode(draw(SMALL)));
            }
            if (!node.isBoolean()) {
                others.add(JSON.booleanNode(random.nextBoolean()));
            }
            if (!node.isArray()) {
                others.add(JSON.arrayNode().add(draw(WORDS)));
            }
            if (!node.isObject()) {
                others.add(JSON.objectNode().put("x", 1));
            }
            others.add(JSON.nullNode());
            return pick(others);
        }
    }

    /** A place in a JSON tree that can be replaced. */
    private record JsonPointerRef(JsonNode parent, String field, int index, JsonNode node) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(field, value);
            } else if (parent instanceof ArrayNode a) {
                a.set(index, value);
            }
        }
    }

    private static void collect(
            JsonNode node, JsonNode parent, Object where, List<JsonPointerRef> out) {
        if (parent != null) {
            out.add(
                    new JsonPointerRef(
                            parent,
                            where instanceof String s ? s : null,
                            where instanceof Integer i ? i : -1,
                            node));
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                collect(node.get(n), node, n, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), node, i, out);
            }
        }
    }

    /** Template values win over schema-drawn ones; keys of both are kept. */
    private static JsonNode merge(JsonNode drawn, JsonNode template) {
        if (template == null) {
            return drawn;
        }
        if (drawn instanceof ObjectNode d && template instanceof ObjectNode t) {
            for (Map.Entry<String, JsonNode> e : t.properties()) {
                d.set(e.getKey(), merge(d.get(e.getKey()), e.getValue()));
            }
            return d;
        }
        return template.deepCopy();
    }

    /**
     * A channel body never leaves a provider on its default (external) base URL: settings always
     * point at the closed loopback port, and a body without a settings object is for the sandbox.
     */
    private JsonNode confineChannel(JsonNode body) {
        if (body instanceof ObjectNode o && o.has("provider")) {
            if (o.get("settings") instanceof ObjectNode settings) {
                settings.put("baseUrl", world.deadUrl());
            } else {
                o.put("provider", "sandbox");
            }
        }
        return body;
    }
}
