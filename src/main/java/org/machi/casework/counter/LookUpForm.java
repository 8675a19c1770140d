package org.machi.casework.counter;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.machi.shared.JapaneseInput;

/**
 * The look-up form of the counter as sent: the purpose and one of three ways to find a resident.
 * The first way with anything typed in it is the one used (register number, then name and birth
 * date, then address); what it needs must then be complete.
 */
record LookUpForm(String purpose, String registerNumber, String familyName, String givenName, String birthDate,
                  String postcode, String addressLine) {

    static final LookUpForm EMPTY = new LookUpForm(null, null, null, null, null, null, null);

    private static final int NAME_LENGTH = 50;
    private static final int ADDRESS_LENGTH = 200;
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern WAREKI = Pattern.compile("(明治|大正|昭和|平成|令和)(元|\\d{1,2})年(\\d{1,2})月(\\d{1,2})日");
    private static final Map<String, JapaneseEra> ERAS = Map.of("明治", JapaneseEra.MEIJI, "大正", JapaneseEra.TAISHO,
            "昭和", JapaneseEra.SHOWA, "平成", JapaneseEra.HEISEI, "令和", JapaneseEra.REIWA);

    /** The form read: either the look-up and the purpose, or the problems (field and message key). */
    record Read(LookUp lookUp, LookUpPurpose purpose, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    Read read() {
        List<Problem> problems = new ArrayList<>();
        Optional<LookUpPurpose> chosen = LookUpPurpose.of(purpose);
        if (chosen.isEmpty()) {
            problems.add(Problem.of("purpose", "counter.lookUp.purpose.required"));
        }
        LookUp lookUp = null;
        if (!blank(registerNumber)) {
            String number = digits(registerNumber);
            if (!number.matches("\\d{10}")) {
                problems.add(Problem.of("registerNumber", "counter.lookUp.registerNumber.invalid"));
            } else {
                lookUp = new LookUp.ByNumber(number);
            }
        } else if (!blank(familyName) || !blank(givenName) || !blank(birthDate)) {
            String family = name(familyName, "familyName", problems);
            String given = name(givenName, "givenName", problems);
            LocalDate born = null;
            if (blank(birthDate)) {
                problems.add(Problem.of("birthDate", "counter.lookUp.birthDate.required"));
            } else {
                born = date(birthDate).orElse(null);
                if (born == null) {
                    problems.add(Problem.of("birthDate", "counter.lookUp.birthDate.invalid"));
                }
            }
            if (family != null && given != null && born != null) {
                lookUp = new LookUp.ByName(family, given, born);
            }
        } else if (!blank(postcode) || !blank(addressLine)) {
            String code = null;
            if (blank(postcode)) {
                problems.add(Problem.of("postcode", "counter.lookUp.postcode.required"));
            } else {
                code = digits(postcode);
                if (!code.matches("\\d{7}")) {
                    problems.add(Problem.of("postcode", "counter.lookUp.postcode.invalid"));
                    code = null;
                }
            }
            String line = null;
            if (blank(addressLine)) {
                problems.add(Problem.of("addressLine", "counter.lookUp.addressLine.required"));
            } else if (addressLine.strip().length() > ADDRESS_LENGTH) {
                problems.add(Problem.of("addressLine", "counter.lookUp.addressLine.tooLong"));
            } else {
                line = addressLine.strip();
            }
            if (code != null && line != null) {
                lookUp = new LookUp.ByAddress(code, line);
            }
        } else {
            problems.add(Problem.of("registerNumber", "counter.lookUp.nothing"));
        }
        return new Read(problems.isEmpty() ? lookUp : null, chosen.orElse(null), List.copyOf(problems));
    }

    /** A birth date as a clerk types it: 1990-04-01, 1990/4/1, 1990年4月1日 or 平成2年4月1日 (full-width digits too). */
    static Optional<LocalDate> date(String typed) {
        String text = JapaneseInput.asciiNumber(typed).replace(" ", "").strip();
        try {
            Matcher western = WESTERN.matcher(text);
            if (western.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(western.group(1)), Integer.parseInt(western.group(2)),
                        Integer.parseInt(western.group(3))));
            }
            Matcher wareki = WAREKI.matcher(text);
            if (wareki.matches()) {
                int year = wareki.group(2).equals("元") ? 1 : Integer.parseInt(wareki.group(2));
                return Optional.of(LocalDate.from(JapaneseDate.of(ERAS.get(wareki.group(1)), year,
                        Integer.parseInt(wareki.group(3)), Integer.parseInt(wareki.group(4)))));
            }
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String name(String typed, String field, List<Problem> problems) {
        if (blank(typed)) {
            problems.add(Problem.of(field, "counter.lookUp." + field + ".required"));
            return null;
        }
        String name = JapaneseInput.fullWidthKana(typed.strip());
        if (name.length() > NAME_LENGTH) {
            problems.add(Problem.of(field, "counter.lookUp.name.tooLong"));
            return null;
        }
        return name;
    }

    private static String digits(String typed) {
        return JapaneseInput.asciiNumber(typed).replaceAll("[\\s-]", "");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** No names, birth dates or addresses in logs. */
    @Override
    public String toString() {
        return "LookUpForm[purpose=" + purpose + "]";
    }
}
