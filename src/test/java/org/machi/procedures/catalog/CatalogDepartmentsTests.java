package org.machi.procedures.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.machi.procedures.DepartmentView;
import org.machi.procedures.Procedures;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalog names each procedure's department by code; residents read the department as the city profile describes it. */
@MachiWebTest
class CatalogDepartmentsTests {

    @Autowired
    Procedures procedures;

    @Autowired
    CityProfile city;

    @Test
    void departmentsAreTheCityProfilesInEveryLanguage() {
        CityProfile.Department environment = city.department("kankyo-center").orElseThrow();
        for (SiteLanguage language : SiteLanguage.values()) {
            assertThat(procedures.find("sodai-gomi", language)).get().extracting(p -> p.department()).as(language.code())
                    .isEqualTo(new DepartmentView("kankyo-center", environment.name(language), environment.counter(language),
                            "046-225-2790"));
        }
        assertThat(procedures.find("juminhyo", SiteLanguage.JA)).get().extracting(p -> p.department().name()).isEqualTo("市民課");
        assertThat(procedures.find("juminhyo", SiteLanguage.VI)).get().extracting(p -> p.department().name())
                .isEqualTo("Phòng Thị dân (市民課)");
    }

    @Test
    void residentsChooseAmongTheDepartmentsThatHandleAProcedure() {
        assertThat(procedures.departments(SiteLanguage.JA)).extracting(DepartmentView::code)
                .as("in the profile's order; 危機管理課 handles no procedure yet")
                .containsExactly("shimin", "shiminzei", "kosodate-kyufu", "hoiku", "kaigo", "seikatsu-kankyo", "kankyo-center", "kyufukin");
    }
}
