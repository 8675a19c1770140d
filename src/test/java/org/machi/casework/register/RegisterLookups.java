package org.machi.casework.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.machi.casework.RegisteredHousehold;
import org.machi.casework.RegisteredPerson;
import org.machi.casework.ResidentRegister;

/** The look-ups every database must answer alike, on the register of {@link RegisterCsv#threeHouseholds()}. */
final class RegisterLookups {

    private RegisterLookups() {
    }

    static void check(ResidentRegister register) {
        RegisteredPerson ichiro = register.byNumber("1000000001").orElseThrow();
        assertThat(ichiro).isEqualTo(new RegisteredPerson("1000000001", "2000000001", "架空", "一郎", "カクウ", "イチロウ",
                LocalDate.of(1980, 5, 6), "M", "2430018", "中町3丁目17番17号", "atsugi-minami", "世帯主", true));
        assertThat(register.byNumber(" 1000000001 ")).contains(ichiro);
        assertThat(register.byNumber("1000000099")).isEmpty();

        // by name and birth date: kanji, kana, hiragana, half-width, spaces
        LocalDate born = LocalDate.of(1980, 5, 6);
        assertThat(register.byNameAndBirthDate("架空", "一郎", born)).containsExactly(ichiro);
        assertThat(register.byNameAndBirthDate("カクウ", "イチロウ", born)).containsExactly(ichiro);
        assertThat(register.byNameAndBirthDate("かくう", "いちろう", born)).containsExactly(ichiro);
        assertThat(register.byNameAndBirthDate("ｶｸｳ", "ｲﾁﾛｳ", born)).containsExactly(ichiro);
        assertThat(register.byNameAndBirthDate(" 架 空", "一郎　", born)).containsExactly(ichiro);
        assertThat(register.byNameAndBirthDate("架空", "一郎", born.plusDays(1))).isEmpty();
        assertThat(register.byNameAndBirthDate("架空", "二郎", born)).isEmpty();
        assertThat(register.byNameAndBirthDate("架空", null, born)).isEmpty();

        // by address, however the numbers are written; the household's people, head first
        assertThat(register.byAddress("243-0018", "中町3-17-17")).extracting(RegisteredPerson::registerNumber)
                .containsExactly("1000000001", "1000000002", "1000000003");
        assertThat(register.byAddress("〒243-0018", "中町３丁目１７番１７号")).hasSize(3);
        assertThat(register.byAddress("2430018", "中町3-17-16")).isEmpty();

        // households, with their registered proxies
        RegisteredHousehold family = register.household("2000000001").orElseThrow();
        assertThat(family.headRegisterNumber()).isEqualTo("1000000001");
        assertThat(family.members()).extracting(RegisteredPerson::registerNumber).containsExactly("1000000001", "1000000002", "1000000003");
        assertThat(family.proxyRegisterNumbers()).isEmpty();
        RegisteredHousehold tome = register.household("2000000002").orElseThrow();
        assertThat(tome.proxyRegisterNumbers()).containsExactly("1000000005");
        assertThat(tome.headOrProxy("1000000005")).isTrue();
        assertThat(tome.headOrProxy("1000000004")).isTrue();
        assertThat(family.headOrProxy("1000000002")).isFalse();
        assertThat(register.household("2000000099")).isEmpty();
    }
}
