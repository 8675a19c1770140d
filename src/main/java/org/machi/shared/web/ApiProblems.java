package org.machi.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.machi.shared.SharedProperties;
import org.machi.shared.SiteLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error under {@code /api/} is answered with RFC 9457 problem details
 * ({@code application/problem+json}), titled and explained in the reader's language: {@code ?lang=}
 * first, then the language the site would choose (cookie, {@code Accept-Language}). Elsewhere the
 * failure is passed on untouched, so pages keep their error pages. Last in order, so that a
 * module's own handler for a particular failure still wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems {

    static final String API_PATHS = "/api/";

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final MessageSource messages;
    private final DisplayPreferences preferences;
    private final String typeBase;

    ApiProblems(MessageSource messages, DisplayPreferences preferences, SharedProperties shared) {
        this.messages = messages;
        this.preferences = preferences;
        this.typeBase = ApiDocument.typeBase(shared.baseUrl());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> problem(Exception failure, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + API_PATHS)) {
            throw failure; // Spring's resolvers and the error pages take it from here
        }
        ApiProblemType type = ApiProblemType.of(failure);
        HttpStatusCode status = failure instanceof ErrorResponse response ? response.getStatusCode() : type.status();
        if (type == ApiProblemType.SERVER_ERROR) {
            log.error("The API failed to answer {} {}", request.getMethod(), request.getRequestURI(), failure);
        }
        SiteLanguage language = SiteLanguage.fromCode(request.getParameter(DisplayPreferences.LANGUAGE_PARAMETER))
                .orElseGet(() -> preferences.language(request));
        Locale locale = language.locale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(typeBase + type.slug()));
        problem.setTitle(messages.getMessage("api.problem." + type.slug() + ".title", null, locale));
        Detail detail = Detail.of(failure);
        problem.setDetail(messages.getMessage("api.problem." + type.slug() + ".detail" + detail.suffix(), detail.arguments(), locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        HttpHeaders headers = new HttpHeaders();
        if (failure instanceof ErrorResponse response && !response.getHeaders().getAllow().isEmpty()) {
            headers.setAllow(response.getHeaders().getAllow());
        }
        headers.set(HttpHeaders.CONTENT_LANGUAGE, language.htmlLang());
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The detail's message key below {@code api.problem.<slug>.detail} and what it names. */
    private record Detail(String suffix, Object... arguments) {

        static Detail of(Exception failure) {
            if (failure instanceof TypeMismatchException mismatch) {
                Class<?> required = mismatch.getRequiredType();
                if (required != null && required.isEnum()) {
                    return new Detail(".choice", mismatch.getPropertyName(),
                            Arrays.stream(required.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
                }
                return new Detail(".parameter", mismatch.getPropertyName());
            }
            if (failure instanceof HttpRequestMethodNotSupportedException method) {
                return new Detail("", method.getSupportedHttpMethods() == null ? HttpMethod.GET.name()
                        : StringUtils.collectionToDelimitedString(method.getSupportedHttpMethods(), ", "));
            }
            if (failure instanceof HttpMediaTypeNotAcceptableException format) {
                return new Detail("", format.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
                        : MediaType.toString(format.getSupportedMediaTypes()));
            }
            return new Detail("");
        }
    }
}
