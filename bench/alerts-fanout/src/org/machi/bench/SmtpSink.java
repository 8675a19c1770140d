package org.machi.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
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

    private void converse(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII))) {
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            // the message is read and dropped
                        }
                        accepted.incrementAndGet();
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    private static void reply(BufferedWriter out, String text) throws IOException {
        out.write(text);
        out.write("\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
