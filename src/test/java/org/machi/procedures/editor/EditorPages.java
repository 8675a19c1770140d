package org.machi.procedures.editor;

import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The editor page as a browser without script uses it: read the form's inputs, change some, press a button. */
final class EditorPages {

    private final MockMvc mvc;
    private final Authentication staff;

    EditorPages(MockMvc mvc, Authentication staff) {
        this.mvc = mvc;
        this.staff = staff;
    }

    Document open(String slug) throws Exception {
        return page(mvc.perform(get("/staff/procedures/" + slug + "/draft").with(authentication(staff)).header("Accept-Language", "en"))
                .andReturn());
    }

    /** What the editor form would send as it stands on the page. */
    static MultiValueMap<String, String> inputs(Document page) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        Element form = page.selectFirst("form#editor");
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            switch (input.tagName()) {
                case "select" -> {
                    Element chosen = input.selectFirst("option[selected]");
                    if (chosen == null) {
                        chosen = input.selectFirst("option");
                    }
                    params.add(name, chosen == null ? "" : chosen.attr("value"));
                }
                case "textarea" -> params.add(name, input.wholeText());
                default -> {
                    String type = input.attr("type");
                    if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                        continue;
                    }
                    params.add(name, type.equals("checkbox") && !input.hasAttr("value") ? "on" : input.attr("value"));
                }
            }
        }
        return params;
    }

    /** Sends the inputs with the button of this action; the response as it came (a redirect after a save). */
    MvcResult press(String slug, MultiValueMap<String, String> params, String action) throws Exception {
        MultiValueMap<String, String> sent = new LinkedMultiValueMap<>(params);
        sent.put("action", List.of(action));
        return mvc.perform(post("/staff/procedures/" + slug + "/draft/save").params(sent).with(authentication(staff)).with(csrf())
                .header("Accept-Language", "en")).andReturn();
    }

    static void set(MultiValueMap<String, String> params, String name, String value) {
        params.put(name, List.of(value));
    }
}
