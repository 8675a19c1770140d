package org.machi.shared.web;

import java.util.Arrays;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/**
 * The kinds of error the public JSON API answers with (RFC 9457 problem details). Each kind's
 * {@code type} URI points at its description in the OpenAPI document, so it stays documented where
 * integrators read the rest of the API; its title and detail are translated
 * ({@code api.problem.<slug>.title} and {@code .detail} in the message bundles).
 */
enum ApiProblemType {

    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Nothing is published under this address: an unknown or withdrawn id, or a mistyped path."),
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST,
            "A parameter cannot be read or has a value the API does not know (for example an unknown notice category); the detail names the allowed values where there is a list of them."),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED,
            "The public API only reads: GET, HEAD and OPTIONS. The Allow header lists what the address answers."),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "The Accept header names no format the address can answer in; the API answers in JSON."),
    CLIENT_ERROR("client-error", null, "Any other refusal of the request; the status tells which."),
    SERVER_ERROR("server-error", HttpStatus.INTERNAL_SERVER_ERROR, "Machi failed to answer. Nothing about the request was wrong; try again later.");

    private final String slug;
    private final HttpStatus status;
    private final String documentation;

    ApiProblemType(String slug, HttpStatus status, String documentation) {
        this.slug = slug;
        this.status = status;
        this.documentation = documentation;
    }

    /** The name in the type URI's fragment and in the message keys. */
    String slug() {
        return slug;
    }

    /** What the OpenAPI document says about this kind (for integrators, so in English). */
    String documentation() {
        return documentation;
    }

    /** The status this kind is always answered with; null for {@link #CLIENT_ERROR}, whose status varies. */
    HttpStatus status() {
        return status;
    }

    static ApiProblemType of(Throwable failure) {
        if (failure instanceof TypeMismatchException) {
            return BAD_REQUEST;
        }
        if (failure instanceof HttpRequestMethodNotSupportedException) {
            return METHOD_NOT_ALLOWED;
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException) {
            return NOT_ACCEPTABLE;
        }
        if (failure instanceof ErrorResponse response) {
            int status = response.getStatusCode().value();
            return Arrays.stream(values()).filter(type -> type.status != null && type.status.value() == status).findFirst()
                    .orElse(status >= 500 ? SERVER_ERROR : CLIENT_ERROR);
        }
        return SERVER_ERROR;
    }
}
