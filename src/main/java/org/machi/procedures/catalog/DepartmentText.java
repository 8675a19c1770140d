package org.machi.procedures.catalog;

/** A department's name and where its counter is, in one language. */
public record DepartmentText(String name, String counter) {
}
