package org.machi.identity.web;

import java.util.ArrayList;
import java.util.List;
import org.machi.identity.account.FieldProblem;
import org.machi.identity.account.LoginNames;
import org.machi.identity.account.StaffDetails;
import org.machi.shared.CityProfile;
import org.machi.shared.EmailAddresses;

/**
 * The display name, department and work mail address as the administrator gave them; the
 * department is the code of one of the city profile's departments, chosen from a list, or empty.
 */
record StaffDetailsForm(String displayName, String department, String email) {

    /**
     * The details on record; a department recorded before departments had codes as a Japanese name
     * is chosen as the department of that name, one that matches no department as none (the page
     * says what was recorded).
     */
    static StaffDetailsForm of(StaffDetails details, CityProfile city) {
        return details == null ? new StaffDetailsForm("", "", "")
                : new StaffDetailsForm(details.displayName(),
                        city.departmentRecordedAs(details.department()).map(CityProfile.Department::code).orElse(""),
                        details.email());
    }

    /** A department on record that is none of the city profile's, as recorded; null when there is none such. */
    static String unknownDepartment(StaffDetails details, CityProfile city) {
        if (details == null || details.department() == null || details.department().isBlank()
                || city.departmentRecordedAs(details.department()).isPresent()) {
            return null;
        }
        return details.department();
    }

    List<FieldProblem> problems(CityProfile city) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(displayName)) {
            problems.add(new FieldProblem("displayName", "people.displayName.required"));
        } else if (displayName.strip().length() > StaffDetails.MAX_NAME) {
            problems.add(new FieldProblem("displayName", "profile.tooLong"));
        }
        if (!blank(department) && city.department(department.strip()).isEmpty()) {
            problems.add(new FieldProblem("department", "people.department.unknown"));
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
