/**
 * Emergency and daily information to every resident, in every channel and language. Operators
 * draft alerts from templates per kind, a second person approves, and publication records the
 * alert with its {@link org.machi.alerts.AlertPublished} event, from which delivery queues one
 * delivery per subscriber and channel once it has committed; daily notices go the same
 * way without approval, after the alerts, to those who chose their category. Both are served as
 * web pages, feeds (CAP 1.2 and Atom for alerts, Atom per category for notices) and JSON, and
 * delivered by mail, signed webhooks (Standard Webhooks) and Web Push.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerts and notices", allowedDependencies = {"shared", "audit"})
package org.machi.alerts;
