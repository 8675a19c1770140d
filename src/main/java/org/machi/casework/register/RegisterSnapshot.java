package org.machi.casework.register;

import java.time.Instant;
import java.util.UUID;

/**
 * One import of a register extract, without personal data.
 *
 * @param importedBy the account reference of who imported it, or {@code system} for the seed
 * @param added      people not in the snapshot before
 * @param changed    people in both whose row differs
 * @param removed    people of the snapshot before who are no longer in the register
 */
public record RegisterSnapshot(UUID id, Instant importedAt, String importedBy, int people, int households, int added,
                               int changed, int removed) {
}
