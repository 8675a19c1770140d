package org.machi.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import org.machi.casework.cases.CaseRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The casework pages' answer to a clerk who is not of the case's department: a translated 403 page, nothing read or changed. */
@ControllerAdvice(basePackageClasses = CaseworkAdvice.class)
class CaseworkAdvice {

    /** Not this clerk's case (or a clerk without a department): nothing is read or changed. */
    static final class OtherDepartment extends RuntimeException {

        final CaseRefusal refusal;

        OtherDepartment(CaseRefusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** The page that says why, with the status 403; the pages use it where they catch the refusal. */
    static String page(OtherDepartment refused, HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return refused.refusal == CaseRefusal.NO_DEPARTMENT ? "casework/no-department" : "casework/other-department";
    }

    /** A download refused: the site's own translated 403 page (the error pages carry the shell). */
    @ExceptionHandler(OtherDepartment.class)
    void otherDepartment(HttpServletResponse response) throws java.io.IOException {
        response.sendError(HttpStatus.FORBIDDEN.value());
    }
}
