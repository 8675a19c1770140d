/**
 * Emergency information to every resident, in every channel and language. Operators draft alerts
 * from templates per kind, a second person approves, and publication records the alert and one
 * delivery per subscriber and channel in one transaction. Alerts are served as web pages, OASIS
 * CAP 1.2, an Atom feed and JSON, and delivered by mail and signed webhooks (Standard Webhooks).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerts and notices", allowedDependencies = {"shared", "audit"})
package org.machi.alerts;
