package org.machi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** The smallest SMTP server that accepts and counts messages, so that the bench measures the sender, not the receiver. */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicLong accepted = new AtomicLong();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long accepted() {
        return accepted.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> converse(socket), "smtp-sink-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static final byte[] GREETING = reply("220 sink ESMTP");
    private static final byte[] EHLO = reply("250-sink\r\n250 8BITMIME");
    private static final byte[] GO_AHEAD = reply("354 go ahead");
    private static final byte[] QUEUED = reply("250 queued");
    private static final byte[] BYE = reply("221 bye");
    private static final byte[] OK = reply("250 ok");

    /**
     * The conversation, read as bytes line by line (no character decoding, no strings per line): a
     * message counts once its terminating "." line has arrived, every byte of it having been read.
     */
    private void converse(Socket socket) {
        try (socket; InputStream stream = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            Lines in = new Lines(stream);
            socket.setTcpNoDelay(true);
            out.write(GREETING);
            byte[] line = new byte[1024];
            int length;
            while ((length = in.next(line)) >= 0) {
                byte[] answer = OK;
                if (length >= 4) {
                    int command = (line[0] & 0xDF) << 24 | (line[1] & 0xDF) << 16 | (line[2] & 0xDF) << 8 | (line[3] & 0xDF);
                    if (command == EHLO_COMMAND) {
                        answer = EHLO;
                    } else if (command == QUIT_COMMAND) {
                        out.write(BYE);
                        return;
                    } else if (command == DATA_COMMAND) {
                        out.write(GO_AHEAD);
                        while ((length = in.next(line)) >= 0 && !(length == 1 && line[0] == '.')) {
                            // the message is read and dropped
                        }
                        if (length < 0) {
                            return;
                        }
                        accepted.incrementAndGet();
                        answer = QUEUED;
                    }
                }
                out.write(answer);
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    private static final int EHLO_COMMAND = word("EHLO");
    private static final int QUIT_COMMAND = word("QUIT");
    private static final int DATA_COMMAND = word("DATA");

    private static int word(String command) {
        byte[] b = command.getBytes(StandardCharsets.US_ASCII);
        return b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
    }

    /** Lines from a socket, scanned in a buffer of its own (no lock, no copy per byte). */
    private static final class Lines {

        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;

        Lines(InputStream in) {
            this.in = in;
        }

        /**
         * The next line without its CR LF (or LF): its length, of which at most line.length bytes are
         * copied into line; -1 at the end of the stream.
         */
        int next(byte[] line) throws IOException {
            int length = 0;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return length > 0 ? length : -1;
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int chunk = position - start;
                if (length < line.length) {
                    System.arraycopy(buffer, start, line, length, Math.min(chunk, line.length - length));
                }
                length += chunk;
                if (position < limit) {
                    position++; // the LF
                    return length > 0 && length <= line.length && line[length - 1] == '\r' ? length - 1 : length;
                }
            }
        }
    }

    private static byte[] reply(String text) {
        return (text + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
