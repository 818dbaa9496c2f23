import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The benchmarks' HTTP client: HTTP/1.1 over one kept-alive TCP_NODELAY socket, read in the calling
 * thread, as pgjdbc talks to PostgreSQL. The JDK's clients do not set TCP_NODELAY and the asynchronous
 * one hands each request to its selector thread: a 404 took 1.9 ms through HttpURLConnection and 0.55 ms
 * through this client, and four HttpClients took a quarter of a 2-core machine (docs/performance.md).
 * One per thread; bench/run compiles it next to the benchmark.
 */
public final class Http {

    /** A reply: its status and its body. */
    public record Reply(int status, String body) {
    }

    private Socket socket;
    private BufferedInputStream in;
    private OutputStream out;

    /**
     * Sends one request ({@code headers}: "Name: value" lines, each ending in CRLF; {@code body} may be null) and reads
     * the whole reply, chunked or not.
     */
    public Reply send(String method, String url, String headers, String body) throws IOException {
        URI uri = URI.create(url);
        if (socket == null || socket.isClosed()) {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 14);
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n" + headers
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n") + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(content);
        out.flush();
        String status = line();
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header; !(header = line()).isEmpty(); ) {
            String h = header.toLowerCase(Locale.ROOT);
            if (h.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            } else if (h.startsWith("transfer-encoding:")) {
                chunked = h.contains("chunked");
            } else if (h.startsWith("connection:")) {
                close = h.contains("close");
            }
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        if (chunked) {
            for (int n; (n = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; line()) {
                answer.write(in.readNBytes(n));
            }
            line();
        } else if (length > 0) {
            answer.write(in.readNBytes(length));
        }
        if (close) {
            socket.close();
        }
        return new Reply(Integer.parseInt(status.split(" ")[1]), answer.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
