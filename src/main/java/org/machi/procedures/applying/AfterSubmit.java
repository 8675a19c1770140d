package org.machi.procedures.applying;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a resident goes once an application is submitted, when something other than the receipt
 * page should come next (the next application of a life-event bundle). Empty: the receipt page.
 */
public interface AfterSubmit {

    Optional<String> next(UUID account, UUID applicationId);
}
