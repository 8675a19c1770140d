package org.machi.audit.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.machi.audit.AuditEntry;

/** The exact bytes an entry's hash covers: every field, length-prefixed, with the previous hash. */
final class ChainCodec {

    private ChainCodec() {
    }

    static Instant precision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static byte[] bytesOf(AuditEntry entry) {
        var buffer = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(buffer)) {
            out.writeLong(entry.seq());
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, entry.occurredAt()));
            for (String field : new String[] {entry.actor(), entry.action(), entry.subject(), entry.record(),
                    entry.purpose(), entry.detail(), entry.previousHash()}) {
                out.writeBoolean(field != null);
                out.writeUTF(field == null ? "" : field);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
