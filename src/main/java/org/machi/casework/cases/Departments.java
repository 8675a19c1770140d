package org.machi.casework.cases;

import java.util.Optional;
import org.machi.identity.StaffDirectory;
import org.machi.identity.StaffView;
import org.machi.shared.CityProfile;
import org.springframework.stereotype.Component;

/** Which departments the city has (its profile), and which one a staff member works in (a department code, or none). */
@Component
class Departments {

    private final CityProfile city;
    private final StaffDirectory staff;

    Departments(CityProfile city, StaffDirectory staff) {
        this.city = city;
        this.staff = staff;
    }

    /** Whether the city profile has a department of this code. */
    boolean exists(String code) {
        return code != null && city.department(code).isPresent();
    }

    /** The department code of the staff member, if they are staff and have one. */
    Optional<String> of(String reference) {
        return staff.find(reference).map(StaffView::department).filter(code -> !code.isBlank());
    }

    /** Refuses (NO_DEPARTMENT, OTHER_DEPARTMENT) unless the staff member works in the department. */
    void requireMember(String reference, String department) {
        String own = of(reference).orElseThrow(() -> new CaseRefused(CaseRefusal.NO_DEPARTMENT));
        if (!own.equals(department)) {
            throw new CaseRefused(CaseRefusal.OTHER_DEPARTMENT);
        }
    }
}
