/**
 * Residents and staff: accounts, sign-in, the staff second factor (TOTP), roles and permissions,
 * server-side sessions. Personal data is sealed with {@link org.machi.shared.DataProtection};
 * sign-ins and failures go to the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access", allowedDependencies = {"shared", "audit"})
package org.machi.identity;
