package org.stockroom.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChoicesTests {

    enum Size {
        SMALL,
        EXTRA_LARGE
    }

    @Test
    void aChoiceIsReadInAnyCaseWithSpacesAround() {
        assertThat(Choices.parse(Size.class, "size", " extra_Large ")).isEqualTo(Size.EXTRA_LARGE);
        assertThat(Choices.parseOptional(Size.class, "size", "SMALL")).isEqualTo(Size.SMALL);
    }

    @Test
    void anEmptyOptionalChoiceIsNoChoiceButAnEmptyRequiredOneIsRefused() {
        assertThat(Choices.parseOptional(Size.class, "size", "  ")).isNull();
        assertThat(Choices.parseOptional(Size.class, "size", null)).isNull();
        assertThatThrownBy(() -> Choices.parse(Size.class, "size", null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anythingElseIsRefusedWithTheChoicesListed() {
        assertThatThrownBy(() -> Choices.parse(Size.class, "size", "medium"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new InvalidRequestException.FieldError(
                                        "size", "must be one of small, extra_large")));
    }
}
