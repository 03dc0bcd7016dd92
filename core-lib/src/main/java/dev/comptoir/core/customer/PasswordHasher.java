package dev.comptoir.core.customer;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing with the JDK's {@code PBKDF2WithHmacSHA256}, a random per-user salt and a
 * configurable number of iterations. A hash is a self-describing string
 * {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}, so the iteration count can be
 * raised later without invalidating stored hashes; verification compares in constant time.
 *
 * <pre>{@code
 * PasswordHasher hasher = PasswordHasher.pbkdf2(new SecureRandom());
 * String stored = hasher.hash("password123");
 * boolean ok = hasher.verify("password123", stored); // true
 * }</pre>
 *
 * <p>Thread-safe (salt generation is synchronised on the random source).
 */
public final class PasswordHasher {
    /** Production default iteration count (OWASP 2023 guidance for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 210_000;
    /** The scheme name at the head of every encoded hash. */
    public static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final RandomGenerator random;

    private PasswordHasher(int iterations, RandomGenerator random) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, was " + iterations);
        }
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A hasher with {@value #DEFAULT_ITERATIONS} iterations; pass a {@code SecureRandom} in production. */
    public static PasswordHasher pbkdf2(RandomGenerator random) {
        return new PasswordHasher(DEFAULT_ITERATIONS, random);
    }

    /** A hasher with {@code iterations} iterations (tests may use a small number). */
    public static PasswordHasher pbkdf2(int iterations, RandomGenerator random) {
        return new PasswordHasher(iterations, random);
    }

    /** Iterations used for new hashes. */
    public int iterations() {
        return iterations;
    }

    /** Hashes a password with a fresh random salt. */
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        synchronized (random) {
            random.nextBytes(salt);
        }
        byte[] hash = derive(password, salt, iterations, HASH_BITS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * True when {@code password} matches {@code encoded}. A malformed or foreign encoded string
     * never matches.
     */
    public boolean verify(String password, String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int iter = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iter < 1 || salt.length == 0 || expected.length == 0) {
                return false;
            }
            byte[] actual = derive(password, salt, iter, expected.length * 8);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when {@code encoded} was made with fewer iterations than this hasher uses, or is not ours. */
    public boolean needsRehash(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return true;
        }
        try {
            return Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Burns the same time as a verification, for unknown accounts (no user-enumeration by timing). */
    void simulateVerify(String password) {
        derive(password == null ? "" : password, new byte[SALT_BYTES], iterations, HASH_BITS);
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bits) {
        char[] chars = password.toCharArray();
        KeySpec spec = new PBEKeySpec(chars, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable in this JDK", e);
        } finally {
            java.util.Arrays.fill(chars, '\0');
            ((PBEKeySpec) spec).clearPassword();
        }
    }
}
