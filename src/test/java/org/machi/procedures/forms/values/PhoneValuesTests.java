package org.machi.procedures.forms.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneValuesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"046-223-1511|0462231511", "0462231511|0462231511", "046(223)1511|0462231511",
            "０４６－２２３－１５１１|0462231511", "090-1234-5678|09012345678", "０９０ｰ１２３４ｰ５６７８|09012345678",
            "+81 46 223 1511|0462231511", "+81-90-1234-5678|09012345678", "+81 (0)90 1234 5678|09012345678",
            "＋８１９０１２３４５６７８|09012345678", "0120-123-456|0120123456", "050-1234-5678|05012345678",
            "03-1234-5678|0312345678", "0800-123-4567|08001234567"})
    void readsJapaneseNumbersAsTheDomesticDigits(String typed, String stored) {
        assertThat(PhoneValues.parse(typed).storedText()).contains(stored);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"046-223-151|form.value.phone.length", "090-1234-567|form.value.phone.length",
            "046-223-15111|form.value.phone.length", "090-1234-56789|form.value.phone.length",
            "462231511|form.value.phone.invalid", "+1 212 555 0100|form.value.phone.invalid", "tel:0462231511|form.value.phone.invalid",
            "046-223-1511 ext 2|form.value.phone.invalid", "|form.value.required"})
    void refusesWrongLengthsAndOtherText(String typed, String key) {
        assertThat(PhoneValues.parse(typed).refusal().orElseThrow().key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"09012345678|090-1234-5678", "0462231511|046-223-1511", "0120123456|0120-123-456",
            "0463123456|0463123456", "0312345678|0312345678"})
    void showsHyphensOnlyWhereTheAreaCodeIsKnown(String stored, String shown) {
        assertThat(PhoneValues.display(stored)).isEqualTo(shown);
    }
}
