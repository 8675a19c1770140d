package org.machi.casework.counter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * People of the synthetic register the embedded default (and so the test context) imports at its
 * first start, read from the same file, so that a test looks up someone who is there.
 */
final class SyntheticPeople {

    static final String FILE = "casework/register/synthetic-register.csv";

    record Person(String registerNumber, String householdNumber, String familyName, String givenName, String familyNameKana,
                  String givenNameKana, LocalDate birthDate, String postcode, String addressLine, boolean head) {
    }

    private SyntheticPeople() {
    }

    /** Heads of household, in the order of the file. */
    static List<Person> heads() {
        List<Person> heads = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(FILE).getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            boolean header = false;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (!header) {
                    header = true;
                    continue;
                }
                List<String> cells = cells(line);
                if ("1".equals(cells.get(12))) {
                    heads.add(new Person(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5),
                            LocalDate.parse(cells.get(6)), cells.get(8).replace("-", ""), cells.get(9), true));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return heads;
    }

    /** A CSV line's cells, with quoted cells as RFC 4180 writes them. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
