package org.machi.alerts.domain;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a later version of an alert changed in the facts a resident acts on: the districts it
 * added or took out, the shelters, the end.
 */
public record AlertChanges(Set<String> districtsAdded, Set<String> districtsRemoved, boolean sheltersChanged,
                           boolean expiresChanged) {

    public static AlertChanges between(AlertContent before, AlertContent after) {
        Set<String> added = new LinkedHashSet<>(after.districts());
        added.removeAll(before.districts());
        Set<String> removed = new LinkedHashSet<>(before.districts());
        removed.removeAll(after.districts());
        return new AlertChanges(Set.copyOf(added), Set.copyOf(removed), !before.shelters().equals(after.shelters()),
                !Objects.equals(before.expires(), after.expires()));
    }
}
