package com.buildcrm.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.password4j.types.Bcrypt;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void hashIsArgon2idPhcStringWithExplicitParameters() {
        String hash = PasswordHasher.hash("correct horse");

        assertThat(hash)
                .matches(
                        "^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");
    }

    @Test
    void verifyAcceptsTheRightPasswordOnly() {
        String hash = PasswordHasher.hash("correct horse");

        assertThat(PasswordHasher.verify("correct horse", hash)).isTrue();
        assertThat(PasswordHasher.verify("correct horsE", hash)).isFalse();
        assertThat(PasswordHasher.verify("", hash)).isFalse();
    }

    @Test
    void samePasswordGivesDifferentSaltedHashesThatBothVerify() {
        String password = "пароль-Құпия-🔑";
        String first = PasswordHasher.hash(password);
        String second = PasswordHasher.hash(password);

        assertThat(first).isNotEqualTo(second);
        assertThat(PasswordHasher.verify(password, first)).isTrue();
        assertThat(PasswordHasher.verify(password, second)).isTrue();
    }

    @Test
    void verifyReadsParametersFromTheHash() {
        String otherParameters =
                Password.hash("correct horse")
                        .addRandomSalt(16)
                        .with(Argon2Function.getInstance(8192, 3, 1, 32, Argon2.ID, 19))
                        .getResult();

        assertThat(otherParameters).startsWith("$argon2id$v=19$m=8192,t=3,p=1$");
        assertThat(PasswordHasher.verify("correct horse", otherParameters)).isTrue();
        assertThat(PasswordHasher.verify("wrong horse", otherParameters)).isFalse();
    }

    @Test
    void verifyIsFalseForAnyMalformedOrForeignHashAndNeverThrows() {
        String good = PasswordHasher.hash("correct horse");
        String argon2i =
                Password.hash("correct horse")
                        .addRandomSalt(16)
                        .with(Argon2Function.getInstance(19456, 2, 1, 32, Argon2.I, 19))
                        .getResult();
        String bcrypt =
                Password.hash("correct horse")
                        .with(BcryptFunction.getInstance(Bcrypt.B, 4))
                        .getResult();

        assertThat(PasswordHasher.verify("correct horse", argon2i)).isFalse();
        assertThat(PasswordHasher.verify("correct horse", bcrypt)).isFalse();
        for (String malformed :
                new String[] {
                    null,
                    "",
                    "   ",
                    "plain text",
                    "$argon2id$",
                    "$argon2id$v=19$",
                    "$argon2id$v=19$m=19456,t=2,p=1$",
                    "$argon2id$v=19$m=19456,t=2,p=1$!!!$???",
                    "$argon2id$v=19$m=abc,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA",
                    "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNo",
                    good.substring(0, good.length() - 10),
                    // 4 GiB of Argon2 memory: refused before anything is allocated
                    good.replace("m=19456", "m=4194304"),
                    good.replace("t=2", "t=100000"),
                    good.replace("p=1", "p=0"),
                    good.replace("$v=19$", "$v=xx$"),
                    good + "$extra"
                }) {
            assertThat(PasswordHasher.verify("correct horse", malformed))
                    .as("verify(%s)", malformed)
                    .isFalse();
        }
        assertThat(PasswordHasher.verify(null, good)).isFalse();
    }

    @Test
    void emptyPasswordsAreNotHashed() {
        assertThatThrownBy(() -> PasswordHasher.hash(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHasher.hash(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
