package org.machi.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The audit module's public face. */
public interface AuditTrail {

    /** Appends a record to the chain, in the caller's transaction if there is one. */
    AuditEntry record(AuditRecord record);

    /** Reads the chain from the start and reports the first entry that was altered, removed or inserted. */
    ChainVerification verify();

    /** The newest entries first. */
    List<AuditEntry> latest(int limit);

    /** Writes the whole chain as JSON lines, oldest first. */
    void exportJsonLines(Writer out) throws IOException;
}
