package org.machi.procedures.attachments;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;

/**
 * A form sent with a file over the server's upload limits ({@code spring.servlet.multipart.*}) is
 * refused before any controller sees it (413): the resident gets a page that names the limits and
 * says how to go on, instead of the general error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLargePage implements ErrorViewResolver {

    private final MultipartProperties multipart;

    UploadTooLargePage(MultipartProperties multipart) {
        this.multipart = multipart;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (status != HttpStatus.CONTENT_TOO_LARGE) {
            return null;
        }
        ModelAndView page = new ModelAndView("procedures/upload-too-large", status);
        page.addObject("fileMegabytes", megabytes(multipart.getMaxFileSize()));
        page.addObject("requestMegabytes", megabytes(multipart.getMaxRequestSize()));
        return page;
    }

    private static double megabytes(DataSize size) {
        return size.toBytes() / (1024.0 * 1024.0);
    }

    /**
     * The page for a 413 is rendered while the request is still the one whose body was too large,
     * and reading any of its parameters would fail again: there it has none.
     */
    @Bean
    static FilterRegistrationBean<Filter> withoutTheRefusedBody() {
        Filter filter = (request, response, chain) -> {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            boolean tooLarge = status instanceof Integer code && code == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            chain.doFilter(tooLarge ? new WithoutParameters((HttpServletRequest) request) : request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
