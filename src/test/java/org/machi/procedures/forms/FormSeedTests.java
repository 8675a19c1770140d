package org.machi.procedures.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machi.procedures.ProceduresProperties;
import org.machi.procedures.catalog.Catalog;
import org.machi.testing.BoundSettings;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Each form file becomes version 1 of its procedure at the first start; a bad file stops the start; a later start overwrites nothing. */
@MachiWebTest
class FormSeedTests {

    @Autowired
    FormVersions versions;

    @Autowired
    Catalog catalog;

    @Autowired
    Clock clock;

    @TempDir
    Path directory;

    private FormSeed seedFrom(Path directory) {
        return new FormSeed(BoundSettings.of(ProceduresProperties.class, "machi.procedures.forms=" + directory.toUri()), catalog, versions,
                clock);
    }

    @Test
    void theTestFormsArePublishedAsVersionOne() {
        FormVersion sodaiGomi = versions.find("sodai-gomi", 1).orElseThrow();
        assertThat(sodaiGomi.published()).isTrue();
        assertThat(sodaiGomi.createdBy()).isEqualTo("seed");
        assertThat(sodaiGomi.definition().step("items")).isPresent();
        assertThat(versions.proceduresWithForm()).as("the test forms, and no counter-only procedure")
                .contains("sodai-gomi", "juminhyo").doesNotContain("inkan-shomei");
        assertThat(versions.publishedDefinition("sodai-gomi", 1)).contains(sodaiGomi.definition());
        assertThat(versions.publishedDefinition("sodai-gomi", 99)).isEmpty();
    }

    @Test
    void aLaterStartOverwritesNothing() throws Exception {
        String changed = FormJsonTests.testForm("juminhyo").replace("必要な通数", "変えた見出し");
        Files.writeString(directory.resolve("juminhyo.json"), changed);
        seedFrom(directory).run(null);
        assertThat(versions.versions("juminhyo")).singleElement().satisfies(v ->
                assertThat(v.definition().steps().get(0).title().reference()).isEqualTo("必要な通数"));
    }

    @Test
    void aFormWithProblemsStopsTheStartNamingTheFile() throws Exception {
        var before = versions.versions("risai");
        Files.writeString(directory.resolve("risai.json"), FormJsonTests.testForm("juminhyo").replace("\"juminhyo\"", "\"risai\"")
                .replace("\"min\": 1", "\"min\": 20"));
        assertThatThrownBy(() -> seedFrom(directory).run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("risai.json: step copies field copies: min is above max");
        assertThat(versions.versions("risai")).as("nothing seeded").isEqualTo(before);
    }

    @Test
    void aFormOfACounterOnlyOrUnknownProcedureOrUnderAnotherNameStopsTheStart() throws Exception {
        Files.writeString(directory.resolve("inkan-shomei.json"), FormJsonTests.testForm("juminhyo").replace("\"juminhyo\"", "\"inkan-shomei\""));
        Files.writeString(directory.resolve("risai.json"), FormJsonTests.testForm("juminhyo"));
        Files.writeString(directory.resolve("broken.json"), "{\"procedure\": ");
        assertThatThrownBy(() -> seedFrom(directory).run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inkan-shomei.json: inkan-shomei is not an online procedure of the catalog")
                .hasMessageContaining("risai.json: the file is named risai.json but is the form of juminhyo")
                .hasMessageContaining("broken.json: not JSON");
    }

    @Test
    void noDirectoryMeansNoForms() {
        var before = versions.versions("risai");
        seedFrom(directory.resolve("missing")).run(null);
        assertThat(versions.versions("risai")).isEqualTo(before);
    }
}
