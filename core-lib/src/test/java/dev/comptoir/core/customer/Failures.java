package dev.comptoir.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.ComptoirException;
import java.util.function.Consumer;

/** AssertJ helper: checks a {@link ComptoirException}'s kind and field. */
public final class Failures {
    private Failures() {
    }

    /** Use with {@code assertThatThrownBy(..).isInstanceOfSatisfying(ComptoirException.class, failure(kind, field))}. */
    public static Consumer<ComptoirException> failure(ComptoirException.Kind kind, String field) {
        return e -> {
            assertThat(e.kind()).as("kind of: " + e.getMessage()).isEqualTo(kind);
            assertThat(e.field()).as("field of: " + e.getMessage()).isEqualTo(field);
        };
    }
}
