package org.machi.procedures.bundles.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.machi.procedures.applying.StepInput;

/** The facts page's inputs as posted: nothing on it is shown as already known, and it takes no files. */
record PostedFacts(HttpServletRequest request) implements StepInput {

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
        return false;
    }

    @Override
    public boolean fileSent(String name) {
        return false;
    }
}
