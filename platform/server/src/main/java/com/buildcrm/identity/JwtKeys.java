package com.buildcrm.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The RS256 key pair that signs access tokens: from {@code BUILDCRM_JWT_PRIVATE_KEY} (PKCS#8 PEM)
 * when configured, else generated once and kept under {@code <data dir>/keys/}. Read from the raw
 * environment because MicroProfile JWT asks for the public key through {@link JwtKeyConfigSource}
 * while configuration itself is being built.
 */
public final class JwtKeys {

    private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());
    private static volatile JwtKeys shared;

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    JwtKeys(RSAPrivateCrtKey privateKey) {
        try {
            this.privateKey = privateKey;
            this.publicKey =
                    (RSAPublicKey)
                            KeyFactory.getInstance("RSA")
                                    .generatePublic(
                                            new RSAPublicKeySpec(
                                                    privateKey.getModulus(),
                                                    privateKey.getPublicExponent()));
            byte[] digest =
                    java.security.MessageDigest.getInstance("SHA-256")
                            .digest(publicKey.getEncoded());
            this.keyId =
                    Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JwtKeys shared() {
        JwtKeys keys = shared;
        if (keys == null) {
            synchronized (JwtKeys.class) {
                keys = shared;
                if (keys == null) {
                    keys = load(rawSetting("buildcrm.jwt.private.key"), dataDir());
                    shared = keys;
                }
            }
        }
        return keys;
    }

    static JwtKeys load(String configuredPem, Path dataDir) {
        if (configuredPem != null && !configuredPem.isBlank()) {
            return new JwtKeys(parsePrivate(configuredPem));
        }
        Path file = dataDir.resolve("keys").resolve("jwt-private.pem");
        try {
            if (Files.exists(file)) {
                return new JwtKeys(parsePrivate(Files.readString(file)));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("jwt-private.pem.tmp");
            Files.writeString(
                    tmp, toPem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.info(() -> "Generated the token signing key in " + file);
            return new JwtKeys(key);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read or create the token signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPrivateCrtKey parsePrivate(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateCrtKey)
                    KeyFactory.getInstance("RSA")
                            .generatePrivate(
                                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "BUILDCRM_JWT_PRIVATE_KEY is not an RSA PKCS#8 PEM key", e);
        }
    }

    static String toPem(String type, byte[] der) {
        String body =
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static Path dataDir() {
        String dir = rawSetting("buildcrm.data.dir");
        return Path.of(dir == null || dir.isBlank() ? "./var" : dir).toAbsolutePath().normalize();
    }

    /** A setting from system properties or the environment (MicroProfile Config's naming rules). */
    static String rawSetting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value =
                    System.getenv(
                            key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value;
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyPem() {
        return toPem("PUBLIC KEY", publicKey.getEncoded());
    }

    public String keyId() {
        return keyId;
    }
}
