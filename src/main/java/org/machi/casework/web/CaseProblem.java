package org.machi.casework.web;

/** A problem with what a form sent, linked from the error summary to its field: a message key with its arguments. */
record CaseProblem(String field, String key, Object[] args) {
}
