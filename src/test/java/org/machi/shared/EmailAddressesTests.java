package org.machi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTests {

    @Test
    void addressesResidentsTypeAreAccepted() {
        for (String address : new String[] {"hanako@example.jp", "taro.yamada+alerts@mail.city.atsugi.kanagawa.jp",
                "a_b-c@xn--eckwd4c7c.xn--zckzah", "o'neil@example.com", "x@a.io"}) {
            assertThat(EmailAddresses.valid(address)).as(address).isTrue();
        }
    }

    @Test
    void whatTheMailLibraryOrAServerWouldRefuseIsRefusedFirst() {
        for (String address : new String[] {"", "hanako", "hanako@", "@example.jp", "hanako@example", "hanako@@example.jp",
                "hanako @example.jp", "a<b@example.jp", "x(y@example.jp", "\"a\"@example.jp", "山田@example.jp",
                "hanako@例え.jp", "hanako@-example.jp", "hanako@example-.jp", "hanako@example..jp", "a".repeat(65) + "@example.jp",
                "a@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(63) + ".jp",
                "hanako@example.jp\n", null}) {
            assertThat(EmailAddresses.valid(address)).as(String.valueOf(address)).isFalse();
        }
    }
}
