package org.machi.procedures;

import java.util.Arrays;
import java.util.Optional;

/** The moments in life a resident looks procedures up by (ライフイベント). */
public enum LifeEvent {
    BIRTH, MOVING, MARRIAGE, BEREAVEMENT, CHILDCARE, NURSING_CARE, DISASTER, PETS, WASTE;

    /** The event a request parameter names, case-insensitively; empty for anything else. */
    public static Optional<LifeEvent> of(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(e -> e.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    public String messageKey() {
        return "procedures.event." + name();
    }
}
