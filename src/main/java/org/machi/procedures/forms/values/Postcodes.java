package org.machi.procedures.forms.values;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.machi.shared.CityProfile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The city's own postcodes (Japan Post's data, {@code procedures/postcodes.csv}) and the addresses
 * forms accept with them. A broken file, or a district code the city profile does not have, stops
 * the start: a wrong list would refuse residents' real addresses.
 */
@Component
public class Postcodes {

    static final String FILE = "procedures/postcodes.csv";
    static final int MAX_LINE = 200;

    private final Map<String, List<Town>> towns;

    @Autowired
    Postcodes(CityProfile city) {
        this(read(new ClassPathResource(FILE)), city);
    }

    Postcodes(List<Town> rows, CityProfile city) {
        for (Town town : rows) {
            town.district().filter(code -> city.district(code).isEmpty()).ifPresent(code -> {
                throw new IllegalStateException(FILE + ": postcode " + town.postcode() + " names district '" + code
                        + "', which the city profile does not have");
            });
        }
        this.towns = rows.stream().collect(Collectors.groupingBy(Town::postcode, LinkedHashMap::new, Collectors.toList()));
    }

    /** The towns a postcode (typed any way {@link PostcodeValues} reads) covers; empty when it is not the city's. */
    public List<Town> lookup(String postcode) {
        return PostcodeValues.parse(postcode).accepted().map(digits -> towns.getOrDefault(digits, List.of())).orElse(List.of());
    }

    public int size() {
        return towns.size();
    }

    /**
     * An ADDRESS answer: a postcode and the address line. In the city the postcode must be one of
     * its own, and the district follows from it when all its towns lie in one; with
     * {@code outsideCity} any well-formed postcode will do.
     */
    public FieldValue<Address> address(String postcode, String line, boolean outsideCity) {
        FieldValue<String> code = PostcodeValues.parse(postcode);
        if (code instanceof FieldValue.Refused<String> refused) {
            return FieldValue.refused(refused.problem().in("postcode"));
        }
        String digits = code.storedText().orElseThrow();
        List<Town> found = towns.getOrDefault(digits, List.of());
        if (found.isEmpty() && !outsideCity) {
            return FieldValue.refused(Problem.of("form.value.postcode.notInCity", PostcodeValues.display(digits)).in("postcode"));
        }
        FieldValue<String> written = TextValues.line(line, MAX_LINE);
        if (written instanceof FieldValue.Refused<String> refused) {
            return FieldValue.refused(refused.problem().in("line"));
        }
        Address address = new Address(digits, written.storedText().orElseThrow(), district(found), !found.isEmpty());
        return FieldValue.accepted(address, digits + " " + address.line());
    }

    private static Optional<String> district(List<Town> found) {
        List<Optional<String>> districts = found.stream().map(Town::district).distinct().toList();
        return districts.size() == 1 ? districts.get(0) : Optional.empty();
    }

    static List<Town> read(ClassPathResource file) {
        try (InputStream in = file.getInputStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Town> rows = new ArrayList<>();
            String header = null;
            int number = 0;
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                number++;
                if (row.startsWith("#") || row.isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = row;
                    continue;
                }
                rows.add(town(row, number));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
    }

    private static Town town(String row, int number) {
        String[] cells = row.split(",", -1);
        if (cells.length != 5 || !cells[0].matches("\\d{7}") || cells[1].isBlank() || !cells[2].matches("[ァ-ヺー・]+")) {
            throw new IllegalStateException(FILE + " line " + number + ": expected postcode,town,town_kana,district,kind, found: " + row);
        }
        Town.Kind kind;
        try {
            kind = Town.Kind.valueOf(cells[4].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException(FILE + " line " + number + ": kind must be town, office or unlisted, found: " + cells[4]);
        }
        return new Town(cells[0], cells[1], cells[2], Optional.of(cells[3]).filter(code -> !code.isBlank()), kind);
    }
}
