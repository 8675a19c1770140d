package org.machi.shared.crypto;

/**
 * The node cannot have the keysets it needs: a start that must stop, with what the operator
 * should do. Never carries key material.
 */
class KeysUnavailableException extends DataProtectionException {

    private final String action;

    KeysUnavailableException(String problem, String action) {
        super(problem, null);
        this.action = action;
    }

    String action() {
        return action;
    }
}
