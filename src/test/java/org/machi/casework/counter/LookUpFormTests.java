package org.machi.casework.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The counter's look-up form: which way it looks up, what it refuses, and the birth dates a clerk types. */
class LookUpFormTests {

    @Test
    void aRegisterNumberIsUsedFirstAndMayBeTypedInFullWidthDigits() {
        LookUpForm.Read read = new LookUpForm("APPLICATION", "０１２３４５６７８９", "厚木", "花子", "1990-04-01", null, null).read();
        assertThat(read.problems()).isEmpty();
        assertThat(read.lookUp()).isEqualTo(new LookUp.ByNumber("0123456789"));
        assertThat(read.purpose()).isEqualTo(LookUpPurpose.APPLICATION);
    }

    @Test
    void aNameAndBirthDateAreUsedWhenNoNumberIsGiven() {
        LookUpForm.Read read = new LookUpForm("CERTIFICATE", " ", " 厚木 ", "ﾊﾅｺ", "平成2年4月1日", "2430018", "中町").read();
        assertThat(read.problems()).isEmpty();
        assertThat(read.lookUp()).isEqualTo(new LookUp.ByName("厚木", "ハナコ", LocalDate.of(1990, 4, 1)));
    }

    @Test
    void anAddressIsUsedLastWithThePostcodeWrittenAnyWay() {
        LookUpForm.Read read = new LookUpForm("CONSULTATION", null, "", "", "", "２４３－００１８", "中町3-17-17").read();
        assertThat(read.problems()).isEmpty();
        assertThat(read.lookUp()).isEqualTo(new LookUp.ByAddress("2430018", "中町3-17-17"));
    }

    @Test
    void nothingToLookUpByAndNoPurposeAreBothNamed() {
        LookUpForm.Read read = LookUpForm.EMPTY.read();
        assertThat(read.ok()).isFalse();
        assertThat(read.lookUp()).isNull();
        assertThat(read.problems()).extracting(Problem::field, Problem::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple("purpose", "counter.lookUp.purpose.required"),
                org.assertj.core.groups.Tuple.tuple("registerNumber", "counter.lookUp.nothing"));
    }

    @Test
    void aHalfTypedWayNamesEachFieldThatIsMissingOrWrong() {
        assertThat(new LookUpForm("APPLICATION", null, "厚木", null, "1990-02-30", null, null).read().problems())
                .extracting(Problem::field, Problem::key).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("givenName", "counter.lookUp.givenName.required"),
                        org.assertj.core.groups.Tuple.tuple("birthDate", "counter.lookUp.birthDate.invalid"));
        assertThat(new LookUpForm("APPLICATION", null, null, null, null, "243", null).read().problems())
                .extracting(Problem::field).containsExactly("postcode", "addressLine");
        assertThat(new LookUpForm("APPLICATION", "12345", null, null, null, null, null).read().problems())
                .extracting(Problem::key).containsExactly("counter.lookUp.registerNumber.invalid");
        assertThat(new LookUpForm("SNOOPING", "0123456789", null, null, null, null, null).read().problems())
                .extracting(Problem::key).containsExactly("counter.lookUp.purpose.required");
    }

    @Test
    void birthDatesAsClerksTypeThem() {
        assertThat(LookUpForm.date("1990-04-01")).contains(LocalDate.of(1990, 4, 1));
        assertThat(LookUpForm.date("1990/4/1")).contains(LocalDate.of(1990, 4, 1));
        assertThat(LookUpForm.date("１９９０年４月１日")).contains(LocalDate.of(1990, 4, 1));
        assertThat(LookUpForm.date("令和元年5月1日")).contains(LocalDate.of(2019, 5, 1));
        assertThat(LookUpForm.date("昭和64年1月7日")).contains(LocalDate.of(1989, 1, 7));
        assertThat(LookUpForm.date("1990-13-01")).isEmpty();
        assertThat(LookUpForm.date("4月1日")).isEmpty();
        assertThat(LookUpForm.date("yesterday")).isEmpty();
    }

    @Test
    void theFormSaysNothingPersonalWhenLogged() {
        assertThat(new LookUpForm("APPLICATION", null, "厚木", "花子", "1990-04-01", "2430018", "中町").toString())
                .doesNotContain("厚木", "花子", "1990", "243", "中町");
        assertThat(new LookUp.ByName("厚木", "花子", LocalDate.of(1990, 4, 1)).toString()).doesNotContain("厚木", "1990");
    }
}
