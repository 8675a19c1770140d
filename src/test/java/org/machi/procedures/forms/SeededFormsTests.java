package org.machi.procedures.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.machi.procedures.Channel;
import org.machi.procedures.catalog.CatalogFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forms the city starts with: each file reads without a problem, belongs to an online procedure
 * of the catalog, and every online procedure has one. (The start refuses a bad file; this says which
 * file before anyone starts the app.)
 */
class SeededFormsTests {

    private static final Path FORMS = Path.of("src/main/resources/procedures/forms");

    static Stream<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void readsWithoutAProblem(Path file) throws IOException {
        FormDefinition form = FormJson.read(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(form.problems()).isEmpty();
        assertThat(form.procedure() + ".json").isEqualTo(file.getFileName().toString());
    }

    @Test
    void everyOnlineProcedureOfTheCatalogHasAForm() throws IOException {
        CatalogFile catalog = JsonMapper.builder().build().readValue(FORMS.resolveSibling("catalog.json").toFile(), CatalogFile.class);
        List<String> online = catalog.procedures().stream().filter(p -> p.channel() == Channel.ONLINE).map(CatalogFile.ProcedureSeed::slug)
                .toList();
        List<String> forms = forms().map(f -> f.getFileName().toString().replace(".json", "")).toList();
        assertThat(forms).containsExactlyInAnyOrderElementsOf(online);
    }
}
