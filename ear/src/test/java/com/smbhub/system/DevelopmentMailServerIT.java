package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The development mail server (GreenMail, which ./smbhub runs for SMTP and IMAP) stays idle after IMAP
 * clients leave without LOGOUT: GreenMail 2.1.5 spun a CPU core at 100 % forever once a client closed its
 * end of the connection (GreenMail issue #891; this test used 5 s of CPU in 5 s there), and the inbox's
 * poller (issue 14) reconnects often.
 */
class DevelopmentMailServerIT {

    /** Clock ticks per second of /proc/PID/stat on Linux. */
    private static final int TICKS = 100;

    @Test
    void imapClientsThatLeaveWithoutLogoutLeaveTheServerIdle() throws Exception {
        Path pidFile = Path.of("").toAbsolutePath().getParent().resolve("var/it/greenmail.pid");
        assumeTrue(Files.exists(pidFile), "the stack's own development mail server");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Path stat = Path.of("/proc/" + pid + "/stat");
        assumeTrue(Files.exists(stat), "a Linux /proc to read its CPU time from");
        for (int i = 0; i < 3; i++) {
            try (Socket socket = new Socket("127.0.0.1", Mailbox.IMAP_PORT)) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                in.read(new byte[4096]);
                out.write(("a1 LOGIN dropped" + i + "@example.com secret\r\na2 SELECT INBOX\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300);
                in.read(new byte[4096]);
                socket.shutdownOutput(); // gone without LOGOUT, as a killed or timed-out poller goes
                Thread.sleep(300);
            }
        }
        Thread.sleep(2_000);
        long before = cpuTicks(stat);
        Thread.sleep(5_000);
        long used = cpuTicks(stat) - before;
        assertTrue(used < TICKS, "the mail server used " + used * 1000 / TICKS + " ms of CPU in 5 s after the dropped clients"
                + " (a spinning core uses 5000)");
    }

    /** User and system CPU time of the process so far, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(Path stat) throws Exception {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
