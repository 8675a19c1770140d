package org.machi.shared;

import java.util.regex.Pattern;

/**
 * Whether typed text is an address Machi can send mail to: the form a browser's email field
 * accepts (HTML's "valid e-mail address"), within SMTP's length limits, with a domain of at
 * least two labels. It is stricter than RFC 5322 on purpose: quoted local parts, comments and
 * non-ASCII text are refused here rather than by the mail library later, where the refusal would
 * quote the address in a log. The confirmation mail, not this check, proves the address is real.
 */
public final class EmailAddresses {

    /** RFC 5321: a path of at most 256 octets, so an address of at most 254 characters. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddresses() {
    }

    public static boolean valid(String address) {
        return address != null && address.length() <= MAX_LENGTH && ADDRESS.matcher(address).matches();
    }
}
