package org.machi.shared.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.machi.shared.SharedPage;
import org.machi.shared.SharedPages;
import org.springframework.http.HttpHeaders;
import org.springframework.util.DigestUtils;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the answers of {@link SharedPage} handlers for anonymous readers, per address, language
 * and text size, for at most {@code ttl} (a second by default), and hands them to the next
 * anonymous readers without running the handler or the template again. It runs after Spring
 * Security, so access rules, CORS and every security header are applied to each answer as before;
 * it keeps only the headers the handler itself set.
 *
 * <p>Only a plain anonymous GET is served from here: no session, no signed-in reader, no change of
 * language or text size in the address. An answer is kept only when its handler is marked, it is a
 * 200 and it sets no cookie. A publication on this node drops everything at once
 * ({@link #changed()}); one on another node shows here when the kept answers expire.
 */
class SharedPageCache extends OncePerRequestFilter implements SharedPages {

    static final String MARK = SharedPageCache.class.getName() + ".shared";
    /** Headers the server or the filters outside this one write for each answer themselves. */
    private static final Set<String> NOT_KEPT = Set.of("set-cookie", "date", "content-length", "transfer-encoding",
            "connection", "keep-alive");

    /** Written again for each answer, by {@link ServletWebRequest#checkNotModified}, or by the content type. */
    private static final Set<String> CONDITIONAL = Set.of("content-type", "etag", "last-modified");

    private record Answer(int status, String contentType, Locale locale, List<String[]> headers, byte[] body, String etag,
                          long lastModified) {
    }

    /** How long a reader waits for a page another reader is making before making it too. */
    private static final Duration WAIT_FOR_ANOTHER = Duration.ofSeconds(2);

    private final Cache<String, Answer> answers;
    private final Map<String, CompletableFuture<Answer>> inMaking = new ConcurrentHashMap<>();
    private final Cache<String, Boolean> keptBefore = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).build();
    private final AtomicLong changes = new AtomicLong();
    private final DisplayPreferences preferences;

    SharedPageCache(DisplayPreferences preferences, Duration ttl, long maximumBytes) {
        this.preferences = preferences;
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(maximumBytes)
                .weigher((String key, Answer answer) -> key.length() + answer.body().length)
                .build();
    }

    @Override
    public void changed() {
        changes.incrementAndGet();
        answers.invalidateAll();
    }

    /** Marks the request when its handler is a {@link SharedPage}, so that its answer may be kept. */
    HandlerInterceptor marker() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(SharedPage.class)) {
                    request.setAttribute(MARK, Boolean.TRUE);
                }
                return true;
            }
        };
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method))
                || request.getParameter(DisplayPreferences.LANGUAGE_PARAMETER) != null
                || request.getParameter(DisplayPreferences.TEXT_SIZE_PARAMETER) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!anonymous(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        Answer kept = answers.getIfPresent(key);
        if (kept != null) {
            send(kept, request, response);
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        // one reader makes a page that was kept before; readers arriving meanwhile wait for it
        // instead of all making it at once when it expires
        var making = new CompletableFuture<Answer>();
        CompletableFuture<Answer> madeByAnother = keptBefore.getIfPresent(key) == null ? null : inMaking.putIfAbsent(key, making);
        if (madeByAnother != null) {
            Answer made = waitFor(madeByAnother);
            if (made != null) {
                send(made, request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        long generation = changes.get();
        Answer answer = null;
        try {
            Set<String> before = new HashSet<>(lowerCase(response.getHeaderNames()));
            var recorded = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, recorded);
            answer = keepable(request, recorded, before);
            if (answer == null) {
                recorded.copyBodyToResponse();
                return;
            }
            // a page made while something was published may predate it: hand it out, do not keep it
            if (changes.get() == generation) {
                answers.put(key, answer);
                keptBefore.put(key, Boolean.TRUE);
            }
            recorded.resetBuffer();
            send(answer, request, response);
        } finally {
            inMaking.remove(key, making);
            making.complete(answer);
        }
    }

    private static Answer waitFor(CompletableFuture<Answer> made) {
        try {
            return made.get(WAIT_FOR_ANOTHER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException slowOrFailed) {
            return null; // make it ourselves
        }
    }

    private static boolean anonymous(HttpServletRequest request) {
        return request.getUserPrincipal() == null && request.getSession(false) == null;
    }

    /** The address with its parameters in a fixed order, the language and the text size. */
    private String key(HttpServletRequest request) {
        var key = new StringBuilder(request.getRequestURI());
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                key.append(' ').append(URLEncoder.encode(name, UTF_8)).append('=')
                        .append(value == null ? "" : URLEncoder.encode(value, UTF_8));
            }
        });
        return key.append(" | ").append(preferences.language(request).code())
                .append(' ').append(preferences.textSize(request).code()).toString();
    }

    private static Answer keepable(HttpServletRequest request, ContentCachingResponseWrapper response, Set<String> before) {
        if (request.getAttribute(MARK) == null || response.getStatus() != HttpServletResponse.SC_OK
                || response.containsHeader(HttpHeaders.SET_COOKIE) || !anonymous(request)) {
            return null;
        }
        List<String[]> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (before.contains(lower) || NOT_KEPT.contains(lower) || CONDITIONAL.contains(lower)) {
                continue;
            }
            for (String value : response.getHeaders(name)) {
                headers.add(new String[] {name, value});
            }
        }
        byte[] body = response.getContentAsByteArray();
        String etag = response.getHeader(HttpHeaders.ETAG);
        if (etag == null) {
            etag = "\"0" + DigestUtils.md5DigestAsHex(body) + "\"";
        }
        var written = new HttpHeaders();
        String lastModifiedHeader = response.getHeader(HttpHeaders.LAST_MODIFIED);
        if (lastModifiedHeader != null) {
            written.set(HttpHeaders.LAST_MODIFIED, lastModifiedHeader);
        }
        long lastModified = written.getLastModified();
        return new Answer(response.getStatus(), response.getContentType(), response.getLocale(), List.copyOf(headers), body, etag,
                lastModified);
    }

    private static void send(Answer answer, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setLocale(answer.locale()); // Tomcat writes Content-Language from it
        for (String[] header : answer.headers()) {
            response.addHeader(header[0], header[1]);
        }
        if (new ServletWebRequest(request, response).checkNotModified(answer.etag(), answer.lastModified())) {
            return; // 304, with the ETag and Last-Modified the reader already holds
        }
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        response.setContentLength(answer.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(answer.body());
        }
    }

    private static List<String> lowerCase(Collection<String> names) {
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }
}
