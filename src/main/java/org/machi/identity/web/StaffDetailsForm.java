package org.machi.identity.web;

import java.util.ArrayList;
import java.util.List;
import org.machi.identity.account.FieldProblem;
import org.machi.identity.account.LoginNames;
import org.machi.identity.account.StaffDetails;
import org.machi.shared.EmailAddresses;

/** The display name, department and work mail address as the administrator typed them. */
record StaffDetailsForm(String displayName, String department, String email) {

    static StaffDetailsForm of(StaffDetails details) {
        return details == null ? new StaffDetailsForm("", "", "")
                : new StaffDetailsForm(details.displayName(), details.department(), details.email());
    }

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(displayName)) {
            problems.add(new FieldProblem("displayName", "people.displayName.required"));
        } else if (displayName.strip().length() > StaffDetails.MAX_NAME) {
            problems.add(new FieldProblem("displayName", "profile.tooLong"));
        }
        if (!blank(department) && department.strip().length() > StaffDetails.MAX_DEPARTMENT) {
            problems.add(new FieldProblem("department", "profile.tooLong"));
        }
        if (!blank(email) && !EmailAddresses.valid(LoginNames.normalize(email))) {
            problems.add(new FieldProblem("email", "signUp.email.invalid"));
        }
        return problems;
    }

    /** Call only when there are no problems. */
    StaffDetails details() {
        return new StaffDetails(displayName.strip(), blank(department) ? null : department.strip(),
                blank(email) ? null : LoginNames.normalize(email));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
