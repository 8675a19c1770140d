package org.machi.casework.register;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small register extract written row by row, for tests. */
final class RegisterCsv {

    static final String HEADER = String.join(",", ExtractFormat.COLUMNS);

    private final List<String> lines = new ArrayList<>(List.of(HEADER));

    /** A person: register number, household, names, kana, birth date, sex, postcode, line, district, relationship, head, proxy_for. */
    RegisterCsv person(String number, String household, String family, String given, String familyKana, String givenKana,
                       String birthDate, String sex, String postcode, String line, String district, String relationship,
                       boolean head, String proxyFor) {
        return line(String.join(",", number, household, family, given, familyKana, givenKana, birthDate, sex, postcode,
                quoted(line), district, relationship, head ? "1" : "0", proxyFor));
    }

    /** A raw line, as the file has it. */
    RegisterCsv line(String raw) {
        lines.add(raw);
        return this;
    }

    String text() {
        return String.join("\r\n", lines) + "\r\n";
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    InputStream stream() {
        return new ByteArrayInputStream(bytes());
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** Three households of Atsugi: the 架空 family (head, spouse, child), a single person, and a proxy for the single person. */
    static RegisterCsv threeHouseholds() {
        return new RegisterCsv()
                .person("1000000001", "2000000001", "架空", "一郎", "カクウ", "イチロウ", "1980-05-06", "M", "243-0018", "中町3丁目17番17号", "atsugi-minami", "世帯主", true, "")
                .person("1000000002", "2000000001", "架空", "花子", "カクウ", "ハナコ", "1982-11-23", "F", "2430018", "中町3-17-17", "atsugi-minami", "妻", false, "")
                .person("1000000003", "2000000001", "架空", "陽菜", "カクウ", "ヒナ", "2015-07-01", "F", "2430018", "中町3-17-17", "atsugi-minami", "子", false, "")
                .person("1000000004", "2000000002", "見本", "トメ", "ミホン", "トメ", "1938-02-11", "F", "2430201", "上荻野1234", "ogino", "世帯主", true, "")
                .person("1000000005", "2000000003", "見本", "健一", "ミホン", "ケンイチ", "1965-09-30", "M", "2430122", "森の里1-2-3 メゾンさくら101", "morinosato", "世帯主", true, "2000000002");
    }
}
