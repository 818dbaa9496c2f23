package com.smbhub.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run's messages over one SMTP connection (counted by a relay in front of GreenMail), opened again if dropped. */
class KeptConnectionsTest {

    private GreenMail server;
    private Relay relay;

    @BeforeEach
    void start() throws IOException {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        relay = new Relay(server.getSmtp().getPort());
    }

    @AfterEach
    void stop() throws IOException {
        relay.close();
        server.stop();
    }

    @Test
    void aRunSendsItsMessagesOverOneConnection() throws Exception {
        try (KeptConnections kept = KeptConnections.open()) {
            for (int i = 1; i <= 3; i++) {
                send("client" + i + "@example.com");
            }
        }
        assertEquals(3, server.getReceivedMessages().length);
        assertEquals(1, relay.connections.get(), "one connection for the three messages");
    }

    @Test
    void withoutARunEachMessageHasItsOwnConnection() throws Exception {
        send("a@example.com");
        send("b@example.com");
        assertEquals(2, server.getReceivedMessages().length);
        assertEquals(2, relay.connections.get());
    }

    @Test
    void aConnectionTheServerDroppedIsOpenedAgain() throws Exception {
        try (KeptConnections kept = KeptConnections.open()) {
            send("a@example.com");
            relay.dropAll();
            send("b@example.com");
            try (KeptConnections inner = KeptConnections.open()) { // a block inside a run uses the run's connection
                send("c@example.com");
            }
            send("d@example.com");
        }
        assertEquals(4, server.getReceivedMessages().length);
        assertEquals(2, relay.connections.get());
    }

    private void send(String to) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(relay.port()));
        Mailer.deliver(Session.getInstance(props), "billing@northside.test", "Northside", to, "Reminder", "Your invoice is due",
                List.of());
    }

    /** Passes bytes between clients and the mail server, counting the connections it accepted. */
    private static final class Relay implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        private final ServerSocket socket = new ServerSocket(0);
        private final List<Socket> open = new ArrayList<>();

        Relay(int target) throws IOException {
            Thread accept = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Socket upstream = new Socket("127.0.0.1", target);
                        connections.incrementAndGet();
                        synchronized (open) {
                            open.add(client);
                            open.add(upstream);
                        }
                        pipe(client, upstream);
                        pipe(upstream, client);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        void dropAll() throws IOException {
            synchronized (open) {
                for (Socket s : open) {
                    s.close();
                }
                open.clear();
            }
        }

        private static void pipe(Socket from, Socket to) {
            Thread copy = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // one side closed
                } finally {
                    try {
                        to.close();
                    } catch (IOException e) {
                        // closed already
                    }
                }
            });
            copy.setDaemon(true);
            copy.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            dropAll();
        }
    }
}
