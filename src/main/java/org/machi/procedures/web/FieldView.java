package org.machi.procedures.web;

import java.util.List;

/**
 * One field as a step page shows it. {@code inputId} is what labels and the error summary link to
 * (for an address, the postcode; for choices, the first option).
 */
record FieldView(String id, String type, String inputId, String label, String hint, boolean required, String autocomplete,
                 String value, String postcode, String line, List<OptionView> options, boolean known, String knownValue,
                 String error, String postcodeError, String lineError, Integer maxLength, String inputType, String inputMode,
                 GroupView group) {

    record OptionView(String value, String label, String inputId, boolean checked) {
    }

    record GroupView(String itemLabel, int count, boolean canAdd, boolean canRemove, List<ItemView> items) {
    }

    record ItemView(int index, String heading, List<FieldView> fields) {
    }
}
