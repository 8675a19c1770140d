package org.machi.casework.register;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.machi.shared.DataProtection;
import org.machi.shared.JapaneseInput;

/**
 * The keys the register is looked up by: keyed hashes of a name with a birth date, and of an
 * address, made from the same normalised text on both sides (the import and the look-up), so that
 * the way a clerk or a form writes a name or an address does not matter.
 */
final class RegisterKeys {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000・･]+");
    private static final Pattern CHOME = Pattern.compile("([0-9]+)(丁目|番地|番|の)");
    private static final Pattern GO = Pattern.compile("([0-9]+)号");

    private final DataProtection protection;

    RegisterKeys(DataProtection protection) {
        this.protection = protection;
    }

    /** The key of a name (kanji or kana) and a birth date. */
    String name(String familyName, String givenName, LocalDate birthDate) {
        return protection.lookupHash("casework.register.name:" + name(familyName) + "\u0000" + name(givenName) + "\u0000" + birthDate);
    }

    /** The key of an address. */
    String address(String postcode, String addressLine) {
        return protection.lookupHash("casework.register.address:" + postcode(postcode) + "\u0000" + addressLine(addressLine));
    }

    /** A keyed hash of a whole row, to tell a changed person from an unchanged one. */
    String row(String canonicalRow) {
        return protection.lookupHash("casework.register.row:" + canonicalRow);
    }

    /** NFKC, without spaces or middle dots, katakana as hiragana (kanji stay as they are). */
    static String name(String written) {
        String regular = Normalizer.normalize(JapaneseInput.fullWidthKana(written == null ? "" : written), Normalizer.Form.NFKC);
        regular = SPACES.matcher(regular).replaceAll("");
        StringBuilder folded = new StringBuilder(regular.length());
        for (int i = 0; i < regular.length(); i++) {
            char c = regular.charAt(i);
            folded.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
        }
        return folded.toString();
    }

    /** Seven digits, whatever the hyphen or the width. */
    static String postcode(String written) {
        String ascii = JapaneseInput.asciiNumber(written == null ? "" : written);
        return ascii.replaceAll("[^0-9]", "");
    }

    /** NFKC, ASCII digits and hyphens, no spaces, 3丁目17番地17号 as 3-17-17. */
    static String addressLine(String written) {
        String line = JapaneseInput.asciiNumber(Normalizer.normalize(written == null ? "" : written, Normalizer.Form.NFKC));
        line = SPACES.matcher(line).replaceAll("");
        line = CHOME.matcher(line).replaceAll("$1-");
        line = GO.matcher(line).replaceAll("$1");
        line = line.replaceAll("-{2,}", "-");
        if (line.endsWith("-")) {
            line = line.substring(0, line.length() - 1);
        }
        return line;
    }
}
