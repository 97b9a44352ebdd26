package com.buildcrm.identity;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.provisioner.PasswordHasher;
import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates the first operator on the first start: from {@code BUILDCRM_OPERATOR_EMAIL} / {@code
 * BUILDCRM_OPERATOR_PASSWORD}; in the embedded default, with no password set, a generated one that
 * is printed once.
 */
@ApplicationScoped
public class OperatorBootstrap {

    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());
    static final String DEFAULT_EMAIL = "admin@buildcrm.local";
    private static final long FIRST_OPERATOR_LOCK = 0x0B0075_7A11L; // any fixed key

    /** What the start-up banner tells about the first operator. */
    public record FirstOperator(String email, Optional<String> generatedPassword) {}

    @Inject Storage storage;
    @Inject ServerSettings settings;

    /**
     * @return the operator created now, or empty if operators already exist
     */
    public Optional<FirstOperator> ensureFirstOperator() {
        String email = settings.operatorEmail().orElse(DEFAULT_EMAIL);
        // instances started together on an empty database: the first to take this lock creates
        // the operator, the others then count it (the lock ends with the transaction)
        return storage.transactions()
                .inPlatform(
                        em -> {
                            em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                                    .setParameter(1, FIRST_OPERATOR_LOCK)
                                    .getSingleResult();
                            long count =
                                    em.createQuery("SELECT COUNT(o) FROM Operator o", Long.class)
                                            .getSingleResult();
                            if (count > 0) {
                                return Optional.<FirstOperator>empty();
                            }
                            Optional<String> generated = Optional.empty();
                            String password;
                            if (settings.operatorPassword().isPresent()) {
                                password = settings.operatorPassword().get();
                            } else if (settings.embeddedDatabase()) {
                                password = generatePassword();
                                generated = Optional.of(password);
                            } else {
                                LOG.severe(
                                        "No operator exists and BUILDCRM_OPERATOR_PASSWORD is not set:"
                                                + " set it and restart");
                                return Optional.<FirstOperator>empty();
                            }
                            em.persist(
                                    new Operator(email, "Operator", PasswordHasher.hash(password)));
                            return Optional.of(new FirstOperator(email, generated));
                        });
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
