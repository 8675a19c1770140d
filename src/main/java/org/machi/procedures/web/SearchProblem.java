package org.machi.procedures.web;

/** Something the catalog page could not use from its address: the field it names and the message to show. */
record SearchProblem(String field, String key, Object... args) {
}
