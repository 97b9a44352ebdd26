package com.buildcrm.health;

import com.buildcrm.identity.AccessTokens;
import com.buildcrm.identity.JwtKeys;
import com.buildcrm.json.Jsonp;
import com.buildcrm.web.ProblemBody;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Guards Payara's MicroProfile Metrics endpoint ({@code /metrics}: JVM, pools, class names), which
 * Payara adds to the root web application unauthenticated. Only an operator's access token ({@code
 * Authorization: Bearer <operator JWT>}) or, for a scraper, HTTP Basic with the password {@code
 * BUILDCRM_METRICS_TOKEN} (when set) passes; no credentials answer 401, a business user's token
 * 403, both as problem+json.
 */
@WebFilter(
        filterName = "metrics-access",
        urlPatterns = {"/metrics", "/metrics/*"})
public class MetricsAccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The scraper token's MicroProfile Config key ({@code BUILDCRM_METRICS_TOKEN}). */
    static final String TOKEN_KEY = "buildcrm.metrics.token";

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (scraperAllowed(header.substring(6).strip())) {
                chain.doFilter(request, response);
            } else {
                refuse(response, 401, "unauthorized", "Unauthorized", "Wrong metrics token");
            }
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(response, 401, "unauthorized", "Unauthorized", "An operator token is required");
            return;
        }
        String token = header.substring(7).strip();
        Optional<List<String>> groups = verifiedGroups(token);
        if (groups.isEmpty()) {
            refuse(
                    response,
                    401,
                    "unauthorized",
                    "Unauthorized",
                    "The token is not valid or has expired");
            return;
        }
        if (!groups.get().contains(AccessTokens.OPERATOR_GROUP)) {
            refuse(response, 403, "forbidden", "Forbidden", "Metrics are for operators only");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A scraper authenticates with HTTP Basic, any user name and {@code BUILDCRM_METRICS_TOKEN} as
     * the password (Payara's MP-JWT mechanism refuses every Bearer value that is not a JWT before a
     * filter sees it).
     */
    private static boolean scraperAllowed(String basic) {
        Optional<String> expected =
                ConfigProvider.getConfig()
                        .getOptionalValue(TOKEN_KEY, String.class)
                        .map(String::strip)
                        .filter(s -> !s.isEmpty());
        if (expected.isEmpty()) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        String password = colon < 0 ? decoded : decoded.substring(colon + 1);
        return MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
    }

    /** The token's groups when it is one of ours (signature, issuer, audience, expiry). */
    private static Optional<List<String>> verifiedGroups(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(JwtKeys.shared().publicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = Instant.now();
            if (!AccessTokens.ISSUER.equals(claims.getIssuer())
                    || claims.getAudience() == null
                    || !claims.getAudience().contains(AccessTokens.AUDIENCE)
                    || claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().isAfter(now)) {
                return Optional.empty();
            }
            List<String> groups = claims.getStringListClaim("groups");
            return Optional.of(groups == null ? List.of() : groups);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void refuse(
            HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(
                        Jsonp.createObjectBuilder()
                                .add("type", ProblemBody.TYPE_BASE + type)
                                .add("title", title)
                                .add("status", status)
                                .add("detail", detail)
                                .build()
                                .toString());
    }
}
