package org.machi.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A person with a browser, over real HTTP: keeps cookies (so the session), does not follow
 * redirects on its own (so tests see each step), and sends forms with the CSRF token of the page
 * it last read, as a browser submitting that page would.
 */
public final class Visitor {

    public record Page(int status, String location, Document html, HttpHeaders allHeaders) {

        public List<String> headers(String name) {
            return allHeaders.allValues(name);
        }
    }

    private final String base;
    private final HttpClient http;
    private String csrf = "";

    public Visitor(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").header("Accept-Language", "ja").GET());
    }

    /** Posts a form; the CSRF token comes from the last page read, unless the fields give one. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.putAll(fields);
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Accept-Language", "ja")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Visits an address on another server (an identity provider), with the same cookies. */
    public Page getAbsolute(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
    }

    /** Follows a redirect the last response gave. */
    public Page follow(Page page) {
        String location = page.location();
        return get(location.startsWith(base) ? location.substring(base.length()) : location);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Document html = Jsoup.parse(response.body());
            String token = html.select("input[name=_csrf]").attr("value");
            if (!token.isEmpty()) {
                csrf = token;
            }
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), html, response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
