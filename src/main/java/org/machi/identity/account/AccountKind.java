package org.machi.identity.account;

/** Residents sign up themselves and sign in with an email address; staff are created by an administrator and sign in with a staff ID. */
public enum AccountKind {
    RESIDENT,
    STAFF
}
