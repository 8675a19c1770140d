/**
 * Emergency information and daily notices (お知らせ) to every resident, in every channel and
 * language. Alerts are published as OASIS CAP 1.2; this package's public face grows with the
 * drafting, approval and delivery of alerts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerts and notices", allowedDependencies = "shared")
package org.machi.alerts;
