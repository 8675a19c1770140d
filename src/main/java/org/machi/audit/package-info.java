/**
 * The tamper-evident audit trail: sign-ins, failures, role changes and every staff read of a
 * resident's personal data, in an append-only chain where each entry carries a keyed hash over
 * itself and its predecessor. People appear only by pseudonymous account references.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail", allowedDependencies = "shared")
package org.machi.audit;
