package org.machi.testing;

import java.io.UnsupportedEncodingException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MvcResult;

/** Parses a page as a browser would, for assertions with CSS selectors. */
public final class Html {

    private Html() {
    }

    public static Document page(MvcResult result) {
        try {
            return Jsoup.parse(result.getResponse().getContentAsString());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
