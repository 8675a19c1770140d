package org.machi.casework.register;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.machi.shared.IndividualNumbers;
import org.machi.shared.JapaneseInput;

/**
 * The CSV format of a register extract (docs/operations.md, "Resident register"): UTF-8, a header
 * row naming the columns (in any order), one person per row, RFC 4180 quoting; lines that begin
 * with {@code #} are comments. Reads one row at a
 * time and says what is wrong with it; the checks across rows (duplicates, one head per household,
 * proxies of known households) are {@link RegisterImports}'.
 */
final class ExtractFormat {

    static final List<String> COLUMNS = List.of("register_number", "household_number", "family_name", "given_name",
            "family_name_kana", "given_name_kana", "birth_date", "sex", "postcode", "address_line", "district",
            "relationship", "head", "proxy_for");

    static final int MAX_NAME = 50;
    static final int MAX_ADDRESS = 200;
    static final int MAX_RELATIONSHIP = 20;
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);

    private static final Pattern NUMBER = Pattern.compile("[0-9]{10}");
    private static final Pattern KANA = Pattern.compile("[ぁ-ゖァ-ヺー・ヽヾゝゞ 　]+");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final int[] position = new int[COLUMNS.size()];
    private final int width;

    private ExtractFormat(int[] position, int width) {
        System.arraycopy(position, 0, this.position, 0, position.length);
        this.width = width;
    }

    /** The format a header row announces, or the problems with it. */
    static ExtractFormat header(int number, String line, List<RowProblem> problems) {
        List<String> cells = split(line);
        if (cells == null) {
            problems.add(RowProblem.of(number, "quote"));
            return null;
        }
        int[] position = new int[COLUMNS.size()];
        Arrays.fill(position, -1);
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip().toLowerCase(Locale.ROOT);
            int column = COLUMNS.indexOf(name);
            if (column < 0) {
                problems.add(RowProblem.of(number, "header.unknown", i + 1, String.join(", ", COLUMNS)));
            } else if (!seen.add(name)) {
                problems.add(RowProblem.of(number, "header.twice", name));
            } else {
                position[column] = i;
            }
        }
        for (int column = 0; column < COLUMNS.size(); column++) {
            if (position[column] < 0) {
                problems.add(RowProblem.of(number, "header.missing", COLUMNS.get(column)));
            }
        }
        return problems.isEmpty() ? new ExtractFormat(position, cells.size()) : null;
    }

    /** The row, or null with its problems added. */
    ExtractRow row(int line, String text, Predicate<String> knownDistrict, LocalDate today, List<RowProblem> problems) {
        List<String> cells = split(text);
        if (cells == null) {
            problems.add(RowProblem.of(line, "quote"));
            return null;
        }
        if (cells.size() != width) {
            problems.add(RowProblem.of(line, "columns", cells.size(), width));
            return null;
        }
        int before = problems.size();
        // A My Number anywhere refuses the file: it must never be stored, and the row says so first.
        for (int i = 0; i < cells.size(); i++) {
            if (IndividualNumbers.containsOne(cells.get(i))) {
                problems.add(RowProblem.of(line, "myNumber", i + 1));
                return null;
            }
        }
        String registerNumber = number(cells, 0, line, problems);
        String householdNumber = number(cells, 1, line, problems);
        String familyName = text(cells, 2, MAX_NAME, line, problems);
        String givenName = text(cells, 3, MAX_NAME, line, problems);
        String familyKana = kana(cells, 4, line, problems);
        String givenKana = kana(cells, 5, line, problems);
        LocalDate birthDate = date(cell(cells, 6), line, today, problems);
        String sex = sex(cell(cells, 7), line, problems);
        String postcode = postcode(cell(cells, 8), line, problems);
        String addressLine = text(cells, 9, MAX_ADDRESS, line, problems);
        String district = cell(cells, 10);
        if (district.isEmpty()) {
            problems.add(RowProblem.of(line, "required", COLUMNS.get(10)));
        } else if (!knownDistrict.test(district)) {
            problems.add(RowProblem.of(line, "district", district));
        }
        String relationship = text(cells, 11, MAX_RELATIONSHIP, line, problems);
        Boolean head = switch (cell(cells, 12)) {
            case "1", "true", "TRUE", "Y", "y" -> true;
            case "0", "false", "FALSE", "N", "n", "" -> false;
            default -> {
                problems.add(RowProblem.of(line, "head"));
                yield null;
            }
        };
        List<String> proxyFor = new ArrayList<>();
        String proxies = cell(cells, 13);
        if (!proxies.isEmpty()) {
            for (String household : proxies.split("[;\\s]+")) {
                if (!NUMBER.matcher(household).matches()) {
                    problems.add(RowProblem.of(line, "proxyFor"));
                    break;
                }
                proxyFor.add(household);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new ExtractRow(line, registerNumber, householdNumber, familyName, givenName, familyKana, givenKana, birthDate,
                sex, postcode, addressLine, district, relationship, head, List.copyOf(proxyFor));
    }

    private String cell(List<String> cells, int column) {
        return Normalizer.normalize(cells.get(position[column]), Normalizer.Form.NFC).strip();
    }

    private String number(List<String> cells, int column, int line, List<RowProblem> problems) {
        String value = JapaneseInput.asciiNumber(cell(cells, column));
        if (value.isEmpty()) {
            problems.add(RowProblem.of(line, "required", COLUMNS.get(column)));
        } else if (!NUMBER.matcher(value).matches()) {
            problems.add(RowProblem.of(line, "number", COLUMNS.get(column)));
        }
        return value;
    }

    private String text(List<String> cells, int column, int max, int line, List<RowProblem> problems) {
        String value = cell(cells, column);
        if (value.isEmpty()) {
            problems.add(RowProblem.of(line, "required", COLUMNS.get(column)));
        } else if (value.codePointCount(0, value.length()) > max) {
            problems.add(RowProblem.of(line, "tooLong", COLUMNS.get(column), max));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            problems.add(RowProblem.of(line, "control", COLUMNS.get(column)));
        }
        return value;
    }

    private String kana(List<String> cells, int column, int line, List<RowProblem> problems) {
        String value = JapaneseInput.fullWidthKana(cell(cells, column));
        if (value.isEmpty()) {
            problems.add(RowProblem.of(line, "required", COLUMNS.get(column)));
        } else if (value.length() > MAX_NAME) {
            problems.add(RowProblem.of(line, "tooLong", COLUMNS.get(column), MAX_NAME));
        } else if (!KANA.matcher(value).matches()) {
            problems.add(RowProblem.of(line, "kana", COLUMNS.get(column)));
        }
        return value;
    }

    private static LocalDate date(String value, int line, LocalDate today, List<RowProblem> problems) {
        if (value.isEmpty()) {
            problems.add(RowProblem.of(line, "required", COLUMNS.get(6)));
            return null;
        }
        LocalDate date;
        try {
            if (!ISO_DATE.matcher(value).matches()) {
                throw new DateTimeParseException("not ISO", value, 0);
            }
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(RowProblem.of(line, "birthDate"));
            return null;
        }
        if (date.isAfter(today) || date.isBefore(EARLIEST_BIRTH)) {
            problems.add(RowProblem.of(line, "birthDate.range"));
            return null;
        }
        return date;
    }

    private static String sex(String value, int line, List<RowProblem> problems) {
        return switch (value) {
            case "M", "m", "1", "男" -> "M";
            case "F", "f", "2", "女" -> "F";
            default -> {
                problems.add(RowProblem.of(line, "sex"));
                yield null;
            }
        };
    }

    private static String postcode(String value, int line, List<RowProblem> problems) {
        String digits = JapaneseInput.asciiNumber(value);
        if (digits.matches("[0-9]{3}-?[0-9]{4}")) {
            return digits.replace("-", "");
        }
        problems.add(RowProblem.of(line, value.isEmpty() ? "required" : "postcode", COLUMNS.get(8)));
        return null;
    }

    /** The cells of a CSV line (RFC 4180 quotes, "" inside quotes); null when a quote is not closed. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }
}
