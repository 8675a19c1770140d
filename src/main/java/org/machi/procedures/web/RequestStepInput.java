package org.machi.procedures.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.machi.procedures.applying.StepInput;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * A step's inputs as posted (a form's step, or a bundle's facts page). Fields shown as "already
 * known" come back in the hidden {@code known} list; one counts as known only where it was prefilled.
 */
public record RequestStepInput(HttpServletRequest request, Set<String> known) implements StepInput {

    public static RequestStepInput of(HttpServletRequest request) {
        String[] known = request.getParameterValues("known");
        return new RequestStepInput(request, known == null ? Set.of() : Set.copyOf(Arrays.asList(known)));
    }

    @Override
    public String value(String name) {
        return request.getParameter(name);
    }

    @Override
    public List<String> values(String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    @Override
    public boolean keptAsKnown(String fieldId) {
        return known.contains(fieldId);
    }

    @Override
    public Upload file(String name) {
        if (!fileSent(name)) {
            return null;
        }
        MultipartFile file = multipart().getFile(name);
        return new Upload(file.getOriginalFilename(), file.getContentType(), () -> {
            try {
                return file.getInputStream();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Override
    public boolean fileSent(String name) {
        MultipartHttpServletRequest multipart = multipart();
        return multipart != null && multipart.getFile(name) != null && !multipart.getFile(name).isEmpty();
    }

    /** The multipart request under any wrapper the filters put around it; null for a form posted without files. */
    private MultipartHttpServletRequest multipart() {
        return WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    }
}
