package org.machi.shared;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Names for the account references that modules record (in the audit trail, on drafts), and who
 * holds a permission: a port the identity module implements, for modules that may not depend on it.
 */
public interface PeopleNames {

    /** How each known reference is shown to staff ("厚木 太郎（危機管理課）"); unknown ones are left out. */
    Map<String, String> namesOf(Collection<String> references);

    /** Active staff holding the authority (a permission name such as "APPROVE_ALERTS"): reference to name, by name. */
    Map<String, String> holding(String authority);

    /**
     * The department of the staff member with this reference, if they have one: the code of a
     * department of the {@link CityProfile}; for a department recorded before departments had codes
     * that matches none of the profile's, the text as recorded.
     */
    Optional<String> departmentOf(String reference);
}
