/**
 * The cross-cutting web shell: layout, languages, text size, the city profile, error pages and the
 * home page that lists the services other modules contribute. Kept small on purpose.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared web shell", allowedDependencies = {})
package org.machi.shared;
