package org.machi.shared;

/**
 * Something waits for a second person: staff holding the authority (a permission name), other
 * than the one who asked, are told by mail. The identity module, which knows their addresses,
 * sends it; the path is the page to act on, below the base URL.
 */
public record ApprovalRequested(String authority, String requestedBy, String title, String path) {
}
