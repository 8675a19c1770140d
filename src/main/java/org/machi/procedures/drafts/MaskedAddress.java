package org.machi.procedures.drafts;

/** A mail address as a page shows it to say where a link went without spelling it out: t***@example.jp. */
final class MaskedAddress {

    private MaskedAddress() {
    }

    static String of(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + "***" + address.substring(at);
    }
}
