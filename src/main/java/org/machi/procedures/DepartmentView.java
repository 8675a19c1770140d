package org.machi.procedures;

/** A department as a resident of one language reads it: its name, where its counter is and its phone. */
public record DepartmentView(String code, String name, String counter, String phone) {

    /** The phone as dialled from abroad (+81, without the leading 0), for readers of other languages. */
    public String internationalPhone() {
        return "+81 " + phone.substring(1);
    }

    /** A {@code tel:} address that works from any phone. */
    public String telUri() {
        return "tel:+81" + phone.substring(1).replaceAll("[^0-9]", "");
    }
}
