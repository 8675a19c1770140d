package org.machi.procedures.forms;

/** An eligibility rule of a step: when the condition holds the resident cannot go on, and the message says why. */
public record Stop(Condition when, Text message) {
}
