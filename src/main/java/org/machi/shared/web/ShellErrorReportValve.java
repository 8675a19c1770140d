package org.machi.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The error page for what Tomcat refuses before the application sees the request (a request line
 * or headers over the size limit, a malformed request): a plain page in the site's style and the
 * reader's language, instead of Tomcat's English "HTTP Status 400". Errors inside the application
 * get the full shell from {@link ErrorPages}.
 */
class ShellErrorReportValve extends ErrorReportValve {

    private final MessageSource messages;
    private final CityProfile city;
    private final DisplayPreferences preferences;
    private final UnaryOperator<String> assets;

    /** {@code assets} turns a static file's path into its fingerprinted address. */
    ShellErrorReportValve(MessageSource messages, CityProfile city, DisplayPreferences preferences,
                          UnaryOperator<String> assets) {
        this.messages = messages;
        this.assets = assets;
        this.city = city;
        this.preferences = preferences;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        SiteLanguage language = language(request);
        String kind = status >= 500 ? "5xx" : "4xx";
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer out = response.getReporter();
            if (out != null) {
                out.write(page(language, kind, status));
            }
        } catch (IOException | IllegalStateException gone) {
            // the client has gone or the response cannot take a body: nothing more to say
        }
    }

    private SiteLanguage language(Request request) {
        try {
            return preferences.language(request);
        } catch (RuntimeException unparsed) {
            return SiteLanguage.JA; // the headers were never read (the request line was refused)
        }
    }

    private String page(SiteLanguage language, String kind, int status) {
        String title = text("error." + kind + ".title", language);
        String site = text("shell.siteName", language, city.name(language));
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s | %s</title>
                <link rel="stylesheet" href="%s"><link rel="stylesheet" href="%s"></head>
                <body><header class="site-header"><div class="container header-inner">
                <a class="site-name" href="/"><span>%s</span> <span class="site-service">%s</span></a></div></header>
                <main id="main" class="container"><h1>%s</h1><p>%s</p><p><a href="/">%s</a></p><p class="error-code">%s</p></main>
                </body></html>
                """.formatted(language.htmlLang(), escape(title), escape(site), assets.apply("/css/vendor/digital-go-jp-tokens.css"),
                assets.apply("/css/machi.css"), escape(city.name(language)),
                escape(text("shell.service", language)), escape(title), escape(text("error." + kind + ".text", language)),
                escape(text("error.backHome", language)), escape(text("error.code", language, status)));
    }

    private String text(String key, SiteLanguage language, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
