package org.machi.casework.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.machi.identity.StaffRole;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/** The import page: only those holding IMPORT_REGISTER, a refused file listed line by line, a good one counted. */
@MachiWebTest
class RegisterImportPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RegisterImports imports;

    @AfterEach
    void putTheSyntheticRegisterBack() throws IOException {
        RegisterImportTests.RegisterTesting.restoreSyntheticRegister(imports);
    }

    private Authentication administrator() {
        return MachiUserTestSupport.signedIn(accounts.staff(StaffRole.SYSTEM_ADMINISTRATOR), true);
    }

    @Test
    void theAdministratorSeesTheCurrentRegister() throws Exception {
        Document page = page(mvc.perform(get("/staff/casework/register").with(authentication(administrator()))).andExpect(status().isOk()).andReturn());
        assertThat(page.select("h1").text()).isEqualTo("住民基本台帳の取り込み");
        assertThat(page.text()).contains("4,954人", "2,000世帯", "システム（初回起動時の取り込み）");
        assertThat(page.select("label[for=file]")).hasSize(1);
    }

    @Test
    void otherStaffMayNotImport() throws Exception {
        var clerk = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.DEPARTMENT_STAFF, StaffRole.COUNTER_STAFF), true);
        mvc.perform(get("/staff/casework/register").with(authentication(clerk))).andExpect(status().isForbidden());
        mvc.perform(multipart("/staff/casework/register").file(file(RegisterCsv.threeHouseholds().bytes())).with(authentication(clerk)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(imports.current()).get().extracting(RegisterSnapshot::importedBy).isEqualTo("system");
    }

    @Test
    void aRefusedFileIsShownLineByLineAndNothingChanges() throws Exception {
        RegisterSnapshot before = imports.current().orElseThrow();
        byte[] bad = RegisterCsv.threeHouseholds()
                .person("1000000006", "2000000004", "不正", "日付", "フセイ", "ヒヅケ", "1990-13-01", "M", "2430018", "中町1-1-1", "atsugi-minami", "世帯主", true, "")
                .bytes();
        Document page = page(mvc.perform(multipart("/staff/casework/register").file(file(bad)).with(authentication(administrator())).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".error-summary a[href=#file]").text()).contains("1件の問題");
        assertThat(page.select("table").first().select("tbody tr")).singleElement()
                .satisfies(row -> assertThat(row.text()).contains("7", "生年月日（birth_date）は 1990-04-01 の形の正しい日付で書いてください。"));
        assertThat(page.select("#file").attr("aria-invalid")).isEqualTo("true");
        assertThat(imports.current()).contains(before);

        Document english = page(mvc.perform(multipart("/staff/casework/register").file(file(bad)).locale(Locale.ENGLISH)
                .header("Accept-Language", "en").with(authentication(administrator())).with(csrf())).andReturn());
        assertThat(english.text()).contains("The birth date (birth_date) must be a real date");
    }

    @Test
    void noFileIsAProblemOnThePage() throws Exception {
        Document page = page(mvc.perform(multipart("/staff/casework/register").with(authentication(administrator())).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select(".error-summary a[href=#file]").text()).isEqualTo("取り込むファイルを選んでください。");
    }

    @Test
    void aGoodFileIsImportedAndCounted() throws Exception {
        var result = mvc.perform(multipart("/staff/casework/register").file(file(RegisterCsv.threeHouseholds().bytes()))
                        .with(authentication(administrator())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        RegisterSnapshot imported = imports.current().orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff/casework/register?imported=" + imported.id());
        assertThat(imported.people()).isEqualTo(5);
        assertThat(imported.removed()).isEqualTo(4954);
        Document page = page(mvc.perform(get(result.getResponse().getRedirectedUrl()).with(authentication(administrator())))
                .andReturn());
        assertThat(page.select("[role=status]").text()).contains("5人、3世帯の台帳に切り替わりました", "削除 4,954人");
    }

    private static MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("file", "register.csv", "text/csv", bytes);
    }
}
