package org.machi.shared;

/**
 * A service a module offers on the home page. A module declares one as a bean when its pages
 * exist, so the home page never links to a service that is not there.
 *
 * @param path           where the service starts, relative to the application
 * @param titleKey       message key of the service's name
 * @param descriptionKey message key of a one-sentence description
 * @param order          position on the home page; lower comes first (residents' most asked-for first)
 */
public record ServiceLink(String path, String titleKey, String descriptionKey, int order) {
}
