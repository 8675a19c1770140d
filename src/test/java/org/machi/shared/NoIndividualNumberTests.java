package org.machi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validator;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

@MachiWebTest
class NoIndividualNumberTests {

    record Note(@NoIndividualNumber String text) {
    }

    @Autowired
    Validator validator;

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void textWithAMyNumberIsRefusedWithAnExplanationInTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(validator.validate(new Note("my number is 1234 5678 9018")))
                .singleElement()
                .satisfies(v -> assertThat(v.getMessage()).startsWith("Please do not enter a My Number"));

        LocaleContextHolder.setLocale(SiteLanguage.JA.locale());
        assertThat(validator.validate(new Note("123456789018")))
                .singleElement()
                .satisfies(v -> assertThat(v.getMessage()).startsWith("マイナンバー（個人番号）は入力しないでください"));
    }

    @Test
    void otherTextPasses() {
        assertThat(validator.validate(new Note("電話は046-223-1511です"))).isEmpty();
        assertThat(validator.validate(new Note(null))).isEmpty();
    }
}
