package org.machi.casework.counter;

import java.time.LocalDate;

/** How the clerk looks a resident up in the register: by register number, by name and birth date, or by address. */
sealed interface LookUp {

    /** For the audit trail's detail: how, never what. */
    String way();

    record ByNumber(String registerNumber) implements LookUp {
        @Override
        public String way() {
            return "counter look-up by register number";
        }
    }

    record ByName(String familyName, String givenName, LocalDate birthDate) implements LookUp {
        @Override
        public String way() {
            return "counter look-up by name and birth date";
        }

        @Override
        public String toString() {
            return "ByName[...]";
        }
    }

    record ByAddress(String postcode, String addressLine) implements LookUp {
        @Override
        public String way() {
            return "counter look-up by address";
        }

        @Override
        public String toString() {
            return "ByAddress[...]";
        }
    }
}
