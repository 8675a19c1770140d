package org.machi.procedures.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.machi.procedures.attachments.VirusScanner.ScannerUnavailableException;
import org.machi.procedures.attachments.VirusScanner.Verdict;

/**
 * The clamd adapter against a stand-in clamd that reads INSTREAM as clamd does (the command, then
 * chunks each after its 4-byte big-endian length, until a zero length) and answers as clamd does.
 * clamd itself needs a signature database downloaded from the internet, so it cannot run here.
 */
class ClamdScannerTests {

    private final FakeClamd clamd = new FakeClamd();

    @AfterEach
    void stop() throws IOException {
        clamd.close();
    }

    @Test
    void aCleanFileIsOk() {
        byte[] content = TestFiles.pdf("clean");

        assertThat(scanner(Duration.ofSeconds(5)).scan(content)).isEqualTo(Verdict.CLEAN);

        assertThat(clamd.received).as("the whole content, reassembled from its chunks").isEqualTo(content);
    }

    @Test
    void theEicarTestFileIsFoundWithItsSignatureName() {
        byte[] content = TestFiles.concat(new byte[200_000], TestFiles.EICAR.getBytes(StandardCharsets.US_ASCII));

        Verdict verdict = scanner(Duration.ofSeconds(5)).scan(content);

        assertThat(verdict).isEqualTo(Verdict.infected("Win.Test.EICAR_HDB-1"));
        assertThat(clamd.chunks.get()).as("sent in several chunks").isGreaterThan(1);
        assertThat(clamd.received).isEqualTo(content);
    }

    @Test
    void aClamdThatDoesNotAnswerInTimeGivesNoVerdict() {
        clamd.silent = true;

        assertThatThrownBy(() -> scanner(Duration.ofMillis(300)).scan(new byte[] {1, 2, 3}))
                .isInstanceOf(ScannerUnavailableException.class).hasMessageContaining("SocketTimeoutException");
        clamd.release.countDown();
    }

    @Test
    void anErrorReplyOrNoClamdGivesNoVerdict() throws IOException {
        clamd.reply = "INSTREAM size limit exceeded. ERROR";
        assertThatThrownBy(() -> scanner(Duration.ofSeconds(5)).scan(new byte[] {1}))
                .isInstanceOf(ScannerUnavailableException.class).hasMessageContaining("size limit exceeded");

        int port = clamd.port();
        clamd.close();
        assertThatThrownBy(() -> new ClamdScanner("127.0.0.1", port, Duration.ofSeconds(1)).scan(new byte[] {1}))
                .isInstanceOf(ScannerUnavailableException.class);
    }

    private ClamdScanner scanner(Duration timeout) {
        return new ClamdScanner("127.0.0.1", clamd.port(), timeout);
    }

    /** Speaks clamd's side of {@code zINSTREAM}, one connection at a time. */
    private static final class FakeClamd implements AutoCloseable {

        private final ServerSocket server;
        volatile byte[] received;
        volatile boolean silent;
        volatile String reply;
        final AtomicInteger chunks = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        FakeClamd() {
            try {
                server = new ServerSocket(0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread serving = new Thread(this::serve, "fake-clamd");
            serving.setDaemon(true);
            serving.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    answer(socket);
                } catch (IOException | InterruptedException closed) {
                    return;
                }
            }
        }

        private void answer(Socket socket) throws IOException, InterruptedException {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String command = readUntilNul(in);
            if (!command.equals("zINSTREAM")) {
                write(socket.getOutputStream(), "UNKNOWN COMMAND");
                return;
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (int length = in.readInt(); length != 0; length = in.readInt()) {
                byte[] chunk = in.readNBytes(length);
                if (chunk.length != length) {
                    return;
                }
                content.writeBytes(chunk);
                chunks.incrementAndGet();
            }
            received = content.toByteArray();
            if (silent) {
                release.await();
                return;
            }
            String verdict = reply != null ? reply
                    : new String(received, StandardCharsets.ISO_8859_1).contains("EICAR-STANDARD-ANTIVIRUS-TEST-FILE")
                    ? "stream: Win.Test.EICAR_HDB-1 FOUND" : "stream: OK";
            write(socket.getOutputStream(), verdict);
        }

        private static String readUntilNul(InputStream in) throws IOException {
            ByteArrayOutputStream command = new ByteArrayOutputStream();
            for (int b = in.read(); b > 0; b = in.read()) {
                command.write(b);
            }
            return command.toString(StandardCharsets.US_ASCII);
        }

        private static void write(OutputStream out, String line) throws IOException {
            out.write((line + "\0").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            release.countDown();
            server.close();
        }
    }
}
