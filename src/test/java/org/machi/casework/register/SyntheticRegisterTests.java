package org.machi.casework.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped synthetic register is exactly what its generator writes, in the import's format, and believable. */
class SyntheticRegisterTests {

    @Test
    void theShippedFileIsTheGeneratorsOutput() throws Exception {
        List<String[]> rows = new SyntheticRegister(SyntheticRegister.towns(Path.of(SyntheticRegister.POSTCODES)))
                .generate(SyntheticRegister.SHIPPED_HOUSEHOLDS, 0);
        StringWriter written = new StringWriter();
        SyntheticRegister.write(rows, written);
        assertThat(Files.readString(Path.of(SyntheticRegister.SHIPPED), StandardCharsets.UTF_8))
                .as("regenerate with: java src/test/java/org/machi/casework/register/SyntheticRegister.java")
                .isEqualTo(written.toString());
    }

    @Test
    void theGeneratorWritesTheImportsColumnsAndBelievableHouseholds() {
        assertThat(SyntheticRegister.ExtractFormatColumns.COLUMNS).isEqualTo(ExtractFormat.COLUMNS);
        List<String[]> rows = new SyntheticRegister(SyntheticRegister.towns(Path.of(SyntheticRegister.POSTCODES))).generate(0, 10_000);
        assertThat(rows).hasSize(10_000);
        Map<String, List<String[]>> households = rows.stream().collect(Collectors.groupingBy(r -> r[1]));
        assertThat(households.values()).allSatisfy(members -> assertThat(members).filteredOn(m -> m[12].equals("1")).hasSize(1));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row[0]).matches("9[0-9]{9}");
            assertThat(row[8]).matches("243[0-9]{4}");
            assertThat(LocalDate.parse(row[6])).isBefore(SyntheticRegister.REFERENCE);
        });
        assertThat(rows).filteredOn(r -> !r[13].isEmpty()).isNotEmpty();
        // the same arguments, the same register
        assertThat(new SyntheticRegister(SyntheticRegister.towns(Path.of(SyntheticRegister.POSTCODES))).generate(0, 10_000))
                .usingRecursiveFieldByFieldElementComparator().isEqualTo(rows);
    }
}
