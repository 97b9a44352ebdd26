package com.buildcrm.provisioner;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashing shared by the provisioner (tenant owners) and the server (every login).
 *
 * <p>Parameters are explicit (OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane) so that
 * no {@code psw4j.properties} on the class path can change them. The output is the standard PHC
 * string ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}); verification reads the parameters
 * back from the stored string, so hashes made with other (bounded) Argon2id parameters keep
 * verifying.
 */
public final class PasswordHasher {

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_LENGTH = 32;
    private static final int VERSION = 19;
    private static final int SALT_LENGTH = 16;

    /*
     * Upper bounds accepted when verifying, so a tampered hash cannot make a login exhaust memory or
     * time: password4j allocates the whole Argon2 memory as soon as it parses a hash.
     */
    private static final int MAX_MEMORY_KIB = 128 * 1024;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_PARALLELISM = 8;

    /** {@code $argon2id$v=19$m=<kib>,t=<iterations>,p=<lanes>$<salt>$<hash>}, unpadded base64. */
    private static final Pattern ARGON2ID_PHC =
            Pattern.compile(
                    "^\\$argon2id\\$v=19\\$m=([0-9]{1,7}),t=([0-9]{1,3}),p=([0-9]{1,2})"
                            + "\\$[A-Za-z0-9+/]{11,64}\\$[A-Za-z0-9+/]{16,128}$");

    private static final Argon2Function ARGON2ID =
            Argon2Function.getInstance(
                    MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_LENGTH, Argon2.ID, VERSION);

    private PasswordHasher() {}

    /**
     * Hashes a password with Argon2id and a fresh random 16-byte salt.
     *
     * @return the encoded PHC string, e.g. {@code $argon2id$v=19$m=19456,t=2,p=1$...$...}
     * @throws IllegalArgumentException if the password is null or empty
     */
    public static String hash(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        return Password.hash(password).addRandomSalt(SALT_LENGTH).with(ARGON2ID).getResult();
    }

    /**
     * Checks a password against an encoded Argon2id hash.
     *
     * @return true only if the hash is a well-formed Argon2id (v=19) PHC string made from this
     *     password; false for a wrong password and for any null, malformed, non-Argon2id or
     *     out-of-bounds hash (never throws)
     */
    public static boolean verify(String password, String encodedHash) {
        if (password == null || encodedHash == null) {
            return false;
        }
        Matcher phc = ARGON2ID_PHC.matcher(encodedHash);
        if (!phc.matches()) {
            return false;
        }
        int memory = Integer.parseInt(phc.group(1));
        int iterations = Integer.parseInt(phc.group(2));
        int parallelism = Integer.parseInt(phc.group(3));
        if (parallelism < 1
                || parallelism > MAX_PARALLELISM
                || iterations < 1
                || iterations > MAX_ITERATIONS
                || memory < 8 * parallelism
                || memory > MAX_MEMORY_KIB) {
            return false;
        }
        try {
            Argon2Function function = Argon2Function.getInstanceFromHash(encodedHash);
            return Password.check(password, encodedHash).with(function);
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
