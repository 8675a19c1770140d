package org.machi.procedures.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.machi.procedures.applying.StepInput;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** A step's inputs as posted. Fields shown as "already known" come back in the hidden {@code known} list. */
record RequestStepInput(HttpServletRequest request, Set<String> known) implements StepInput {

    static RequestStepInput of(HttpServletRequest request) {
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
    public boolean fileSent(String name) {
        return request instanceof MultipartHttpServletRequest multipart && multipart.getFile(name) != null
                && !multipart.getFile(name).isEmpty();
    }
}
