package org.machi.procedures.forms;

/** One choice of a CHOICE or CHECKBOXES field: the value stored and the label shown. */
public record Option(String value, Text label) {
}
