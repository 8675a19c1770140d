package org.machi.procedures.applying;

/** A step's "add another" and "remove" buttons, which change a group's items without script and without saving. */
public record GroupAction(String group, Kind kind, int index) {

    public enum Kind { ADD, REMOVE }

    /** Reads the button's value: {@code add:children} or {@code remove:children:1}; null for anything else. */
    public static GroupAction parse(String button) {
        if (button == null) {
            return null;
        }
        String[] parts = button.split(":");
        try {
            if (parts.length == 2 && parts[0].equals("add")) {
                return new GroupAction(parts[1], Kind.ADD, -1);
            }
            if (parts.length == 3 && parts[0].equals("remove")) {
                return new GroupAction(parts[1], Kind.REMOVE, Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException notAnIndex) {
            return null;
        }
        return null;
    }
}
