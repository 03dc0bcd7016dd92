package dev.comptoir.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = PasswordHasher.pbkdf2(1_000, new SplittableRandom(7));

    @Test
    void hash_password_isSelfDescribingAndNotThePassword() {
        String h = hasher.hash("password123");

        assertThat(h).startsWith("pbkdf2-sha256$1000$").doesNotContain("password123");
        assertThat(h.split("\\$")).hasSize(4);
    }

    @Test
    void verify_rightPassword_matches() {
        assertThat(hasher.verify("password123", hasher.hash("password123"))).isTrue();
    }

    @Test
    void verify_wrongPassword_doesNotMatch() {
        String h = hasher.hash("password123");

        assertThat(hasher.verify("password124", h)).isFalse();
        assertThat(hasher.verify("", h)).isFalse();
        assertThat(hasher.verify(null, h)).isFalse();
    }

    @Test
    void hash_samePasswordTwice_usesDifferentSalts() {
        assertThat(hasher.hash("password123")).isNotEqualTo(hasher.hash("password123"));
    }

    @Test
    void verify_hashMadeWithOtherIterations_stillMatches() {
        String old = PasswordHasher.pbkdf2(500, new SplittableRandom(1)).hash("secret!");

        assertThat(hasher.verify("secret!", old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("secret!"))).isFalse();
    }

    @Test
    void verify_tamperedOrForeignHash_doesNotMatch() {
        String h = hasher.hash("password123");
        String[] p = h.split("\\$");
        String otherHash = hasher.hash("other-password").split("\\$")[3];

        assertThat(hasher.verify("password123", p[0] + "$" + p[1] + "$" + p[2] + "$" + otherHash)).isFalse();
        assertThat(hasher.verify("password123", "sha256$" + p[1] + "$" + p[2] + "$" + p[3])).isFalse();
        assertThat(hasher.verify("password123", "garbage")).isFalse();
        assertThat(hasher.verify("password123", "pbkdf2-sha256$x$y$z")).isFalse();
    }

    @Test
    void pbkdf2_defaultIterations_isAtLeastOwaspMinimum() {
        assertThat(PasswordHasher.pbkdf2(new SplittableRandom(1)).iterations()).isGreaterThanOrEqualTo(210_000);
    }
}
