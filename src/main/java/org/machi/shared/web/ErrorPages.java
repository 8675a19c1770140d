package org.machi.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders every error in the site's shell: a page of its own for 403, 404 and 500, and a general
 * one for any other status. Nothing technical (exception, stack trace, message) reaches the page.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        var view = new ModelAndView("shared/error", status);
        view.addObject("errorKey", messageKey(status));
        view.addObject("status", status.value());
        return view;
    }

    private static String messageKey(HttpStatus status) {
        return switch (status.value()) {
            case 403, 404, 500 -> String.valueOf(status.value());
            default -> status.is4xxClientError() ? "4xx" : "5xx";
        };
    }
}
