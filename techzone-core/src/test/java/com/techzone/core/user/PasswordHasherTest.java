package com.techzone.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.TechzoneException;
import com.techzone.core.InvalidInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The hasher's own arguments: refused typed, by name, like every other input of the library. */
class PasswordHasherTest {

    @Test
    void shouldRefuseTooFewIterationsByName() {
        assertThatThrownBy(() -> new PasswordHasher(PasswordHasher.MIN_ITERATIONS - 1))
                .isInstanceOf(InvalidInputException.class).isInstanceOf(TechzoneException.class)
                .hasMessageStartingWith("iterations: must be at least ")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).contains("iterations"));
    }

    @Test
    void shouldRefuseAShortPasswordByName() {
        assertThatThrownBy(() -> new PasswordHasher(PasswordHasher.MIN_ITERATIONS).hash("short".toCharArray()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("password: ");
    }

    @Test
    void shouldHashPasswordsOfEightToOneThousandCharactersOnly() {
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

        assertThat(hasher.hash("x".repeat(8).toCharArray())).startsWith("pbkdf2-sha256$1000$");
        assertThat(hasher.hash("x".repeat(1000).toCharArray())).startsWith("pbkdf2-sha256$1000$");
        assertThatThrownBy(() -> hasher.hash("x".repeat(7).toCharArray())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> hasher.hash("x".repeat(1001).toCharArray())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> hasher.hash(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldVerifyOnlyTheRightPasswordAndWipeIt() {
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);
        String stored = hasher.hash("correct horse".toCharArray());
        char[] attempt = "correct horse".toCharArray();

        assertThat(hasher.verify(attempt, stored)).isTrue();
        assertThat(attempt).containsOnly('\0');
        assertThat(hasher.verify("correct horsE".toCharArray(), stored)).isFalse();
        assertThat(hasher.verify(null, stored)).isFalse();
        assertThat(hasher.verify("correct horse".toCharArray(), null)).isFalse();
        // A fresh salt per hash: the same password never gives the same stored form.
        assertThat(hasher.hash("correct horse".toCharArray())).isNotEqualTo(stored);
    }

    @Test
    void shouldVerifyWithTheIterationCountStoredInTheHash() {
        String stored = new PasswordHasher(PasswordHasher.MIN_ITERATIONS).hash("correct horse".toCharArray());

        assertThat(new PasswordHasher(2 * PasswordHasher.MIN_ITERATIONS).verify("correct horse".toCharArray(), stored)).isTrue();
    }

    @Test
    void shouldNeverMatchAHashInAnotherFormat() {
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);
        String stored = hasher.hash("correct horse".toCharArray());
        String[] parts = stored.split("\\$");

        for (String other : new String[] {
                "pbkdf2-sha1$" + parts[1] + "$" + parts[2] + "$" + parts[3],
                stored + "$extra",
                parts[0] + "$" + parts[1] + "$" + parts[2],
                parts[0] + "$many$" + parts[2] + "$" + parts[3],
                parts[0] + "$" + parts[1] + "$%%%$" + parts[3],
                "!erased"}) {
            char[] attempt = "correct horse".toCharArray();
            assertThat(hasher.verify(attempt, other)).as(other).isFalse();
            assertThat(attempt).as("wiped after " + other).containsOnly('\0');
        }
        assertThat(Arrays.asList(parts)).hasSize(4);
    }
}
