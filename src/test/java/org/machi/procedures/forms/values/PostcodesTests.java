package org.machi.procedures.forms.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.machi.shared.CityProfile;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class PostcodesTests {

    private static CityProfile atsugi;
    private static Postcodes postcodes;

    @BeforeAll
    static void readTheCity() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("atsugi", new ClassPathResource("city/atsugi.yml"))
                .forEach(environment.getPropertySources()::addFirst);
        atsugi = new Binder(ConfigurationPropertySources.get(environment)).bind("machi.city", CityProfile.class).get();
        postcodes = new Postcodes(atsugi);
    }

    @Test
    void everyRowOfTheFileIsLoaded() throws IOException {
        List<String> rows = new ClassPathResource(Postcodes.FILE).getContentAsString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank()).skip(1).toList();
        assertThat(rows).hasSizeBetween(90, 130);
        for (String row : rows) {
            String postcode = row.substring(0, 7);
            assertThat(postcodes.lookup(postcode)).as(row).anySatisfy(town -> assertThat(row).startsWith(postcode + "," + town.name() + ","));
        }
        assertThat(rows).allSatisfy(row -> assertThat(row).startsWith("243"));
    }

    @Test
    void aPostcodeResolvesToItsTownAndDistrict() {
        assertThat(postcodes.lookup("243-0018")).singleElement().satisfies(town -> {
            assertThat(town.name()).isEqualTo("中町");
            assertThat(town.kana()).isEqualTo("ナカチョウ");
            assertThat(town.kind()).isEqualTo(Town.Kind.TOWN);
        });
        assertThat(postcodes.lookup("〒２４３－０１２３")).singleElement().satisfies(town -> {
            assertThat(town.name()).isEqualTo("森の里青山");
            assertThat(town.district()).contains("morinosato");
        });
        assertThat(postcodes.lookup("2438511")).singleElement().satisfies(town -> assertThat(town.kind()).isEqualTo(Town.Kind.OFFICE));
        assertThat(postcodes.lookup("100-0001")).isEmpty();
        assertThat(postcodes.lookup("garbage")).isEmpty();
    }

    @Test
    void everyDistrictNamedIsOneOfTheCitysProfile() {
        assertThat(Postcodes.read(new ClassPathResource(Postcodes.FILE))).allSatisfy(town ->
                town.district().ifPresent(code -> assertThat(atsugi.district(code)).as(town.postcode()).isPresent()));
        List<Town> unknown = List.of(new Town("2430018", "中町", "ナカチョウ", Optional.of("nowhere"), Town.Kind.TOWN));
        assertThatThrownBy(() -> new Postcodes(unknown, atsugi)).hasMessageContaining("nowhere");
    }

    /** Atsugi has no postcode shared by towns, but other cities do: the district is given only when all its towns agree. */
    @Test
    void aPostcodeOfSeveralTownsGivesADistrictOnlyWhenTheyShareIt() {
        Postcodes shared = new Postcodes(List.of(
                new Town("2430201", "上荻野", "カミオギノ", Optional.of("ogino"), Town.Kind.TOWN),
                new Town("2430201", "中荻野", "ナカオギノ", Optional.of("ogino"), Town.Kind.TOWN),
                new Town("2430122", "森の里", "モリノサト", Optional.of("morinosato"), Town.Kind.TOWN),
                new Town("2430122", "緑ケ丘", "ミドリガオカ", Optional.of("midorigaoka"), Town.Kind.TOWN)), atsugi);
        assertThat(shared.lookup("243-0201")).extracting(Town::name).containsExactly("上荻野", "中荻野");
        assertThat(shared.address("243-0201", "上荻野1", false).accepted().orElseThrow().district()).contains("ogino");
        assertThat(shared.address("243-0122", "森の里1", false).accepted().orElseThrow().district()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"243-0018", "2430018", "〒243-0018", "〒2430018", "２４３－００１８", "２４３ー００１８", " 243 0018 "})
    void readsAPostcodeTypedAnyWay(String typed) {
        assertThat(PostcodeValues.parse(typed).storedText()).contains("2430018");
    }

    @ParameterizedTest
    @ValueSource(strings = {"243-001", "24300188", "243--0018", "abc-defg", "T243-0018"})
    void refusesWhatIsNoPostcode(String typed) {
        assertThat(PostcodeValues.parse(typed).refusal().orElseThrow().key()).isEqualTo("form.value.postcode.invalid");
    }

    @Test
    void anAddressInTheCityNeedsOneOfItsPostcodes() {
        Address address = postcodes.address("２４３－０１２３", " 森の里青山1-1 ", false).accepted().orElseThrow();
        assertThat(address).isEqualTo(new Address("2430123", "森の里青山1-1", Optional.of("morinosato"), true));
        assertThat(postcodes.address("243-0018", "中町3-17-17", false).accepted().orElseThrow().district())
                .as("a town whose district is not known here").isEmpty();

        Problem outside = postcodes.address("100-0001", "千代田1-1", false).refusal().orElseThrow();
        assertThat(outside).isEqualTo(new Problem("form.value.postcode.notInCity", List.of("100-0001"), "postcode"));
        assertThat(postcodes.address("12", "中町", false).refusal().orElseThrow().part()).isEqualTo("postcode");
        Problem noLine = postcodes.address("243-0018", " ", false).refusal().orElseThrow();
        assertThat(noLine).isEqualTo(new Problem("form.value.required", List.of(), "line"));
        assertThat(postcodes.address("243-0018", "中町 1234-5678-9018", false).refusal().orElseThrow().key())
                .isEqualTo("form.value.text.individualNumber");
    }

    @Test
    void anAddressOutsideTheCityIsAcceptedWhereTheFormSaysSo() {
        Address address = postcodes.address("〒100-0001", "東京都千代田区千代田1-1", true).accepted().orElseThrow();
        assertThat(address).isEqualTo(new Address("1000001", "東京都千代田区千代田1-1", Optional.empty(), false));
        assertThat(postcodes.address("243-0018", "中町", true).accepted().orElseThrow().inCity()).isTrue();
    }

    /** Seeded: every postcode of the list, typed with or without 〒 and hyphen, any digit full-width, finds the same towns. */
    @Test
    void fullWidthAndHalfWidthFindTheSameTowns() {
        Random random = new Random(243);
        List<Town> all = Postcodes.read(new ClassPathResource(Postcodes.FILE));
        for (int i = 0; i < 2_000; i++) {
            Town town = all.get(random.nextInt(all.size()));
            String written = (random.nextBoolean() ? "〒" : "") + (random.nextBoolean()
                    ? PostcodeValues.display(town.postcode()) : town.postcode());
            String typed = DateValuesTests.fullWidthSome(written, random);
            assertThat(postcodes.lookup(typed)).as(typed).isEqualTo(postcodes.lookup(town.postcode())).contains(town);
        }
    }
}
