package org.machi.casework;

import java.util.List;

/**
 * One household (世帯) of the resident register.
 *
 * @param headRegisterNumber    the register number of its head (世帯主)
 * @param members               its members, the head first, then by register number
 * @param proxyRegisterNumbers  the register numbers of its registered proxies (代理人), who may be of another household
 */
public record RegisteredHousehold(String householdNumber, String headRegisterNumber, List<RegisteredPerson> members,
                                  List<String> proxyRegisterNumbers) {

    public RegisteredHousehold {
        members = List.copyOf(members);
        proxyRegisterNumbers = List.copyOf(proxyRegisterNumbers);
    }

    /** Whether this register number is the head's or a registered proxy's. */
    public boolean headOrProxy(String registerNumber) {
        return headRegisterNumber.equals(registerNumber) || proxyRegisterNumbers.contains(registerNumber);
    }
}
