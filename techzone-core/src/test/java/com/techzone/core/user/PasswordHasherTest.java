package com.techzone.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.TechzoneException;
import com.techzone.core.InvalidInputException;
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
}
