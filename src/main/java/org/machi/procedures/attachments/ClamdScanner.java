package org.machi.procedures.attachments;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Scans with clamd over TCP using its INSTREAM command: the content goes in chunks, each preceded
 * by its length as four bytes in network order, and a zero length ends the stream. clamd answers
 * {@code stream: OK} or {@code stream: <signature> FOUND} (the {@code z} prefix makes every line end in NUL).
 */
class ClamdScanner implements VirusScanner {

    private static final int CHUNK = 64 * 1024;
    private static final int LONGEST_REPLY = 4096;

    private final String host;
    private final int port;
    private final int timeoutMillis;

    ClamdScanner(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    @Override
    public Verdict scan(byte[] content) {
        String reply;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < content.length; offset += CHUNK) {
                int length = Math.min(CHUNK, content.length - offset);
                out.writeInt(length);
                out.write(content, offset, length);
            }
            out.writeInt(0);
            out.flush();
            reply = readReply(socket.getInputStream());
        } catch (IOException unreachable) {
            throw new ScannerUnavailableException("clamd at " + host + ":" + port + " gave no verdict: "
                    + unreachable.getClass().getSimpleName(), unreachable);
        }
        return verdict(reply);
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && reply.size() < LONGEST_REPLY) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }

    private Verdict verdict(String reply) {
        String answer = reply.startsWith("stream:") ? reply.substring("stream:".length()).strip() : reply;
        if (answer.equals("OK")) {
            return Verdict.CLEAN;
        }
        if (answer.endsWith(" FOUND")) {
            return Verdict.infected(answer.substring(0, answer.length() - " FOUND".length()).strip());
        }
        // "INSTREAM size limit exceeded. ERROR", an empty reply when clamd closed the connection, ...
        throw new ScannerUnavailableException("clamd at " + host + ":" + port + " answered: " + answer, null);
    }
}
