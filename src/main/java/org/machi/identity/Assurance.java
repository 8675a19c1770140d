package org.machi.identity;

/** How sure Machi is of who holds an account; procedures can require a level. */
public enum Assurance {
    /** The person proved only that they read mail at the address. */
    SELF_ASSERTED,
    /** The person signed in with their My Number Card through the city's OpenID Connect provider. */
    CARD_VERIFIED
}
