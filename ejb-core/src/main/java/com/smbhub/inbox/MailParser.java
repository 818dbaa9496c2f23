package com.smbhub.inbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads one e-mail from its raw RFC 822 source with Jakarta Mail: headers for threading, the text
 * (plain text preferred, else the HTML turned into text), the HTML sanitised, attachments, and whether
 * it was sent by a machine. Never throws: what cannot be read comes back {@link Parsed#readable() unreadable}.
 */
public final class MailParser {

    /** A file that came with the message. */
    public record Attachment(String fileName, String contentType, byte[] bytes) {
    }

    /** What a message says; {@code problem} is set (and the rest may be empty) when it could not be read. */
    public record Parsed(String messageId, String inReplyTo, List<String> references, String subject, String fromAddress,
                         String fromName, List<String> to, Instant date, String text, String html,
                         List<Attachment> attachments, String automatic, String problem) {
        public boolean readable() {
            return problem == null;
        }
    }

    static final int MAX_TEXT = 100_000;
    static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    static final int MAX_ATTACHMENTS = 20;

    private static final Session SESSION = Session.getInstance(lenient());
    private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,500})>");
    static final Pattern PREFIX = Pattern.compile(
            "^\\s*((re|fw|fwd|aw|wg|sv|vs|antw|tr|rif|r|ref)\\s*(\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*)+", Pattern.CASE_INSENSITIVE);
    /** What is kept of an HTML body: formatting and links, remote images (shown only when asked), nothing that runs. */
    private static final Safelist KEPT = Safelist.relaxed();
    private static final Safelist SHOWN = Safelist.relaxed().removeTags("img");

    private MailParser() {
    }

    /** Kept HTML as it is shown at first: without its images (remote ones tell the sender the mail was read). */
    public static String withoutImages(String html) {
        // kept HTML is clean already; only its images need taking out (this runs for every message shown)
        return html == null || !html.contains("<img") ? html : Jsoup.clean(html, SHOWN);
    }

    /** Whether kept HTML has images to show when asked. */
    public static boolean hasImages(String html) {
        return html != null && html.contains("<img") && !Jsoup.parseBodyFragment(html).select("img[src]").isEmpty();
    }

    public static Parsed parse(byte[] raw) {
        String fallbackId = "sha256-" + sha256(raw) + "@smbhub.invalid";
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException | RuntimeException e) {
            return unreadable(fallbackId, null, null, e);
        }
        String messageId = fallbackId;
        String subject = null;
        String from = null;
        try {
            messageId = firstId(header(message, "Message-ID")).orElse(fallbackId);
            subject = clean(decoded(header(message, "Subject")), 1000);
            InternetAddress sender = sender(message);
            from = sender == null ? null : sender.getAddress().toLowerCase(Locale.ROOT);
            String fromName = sender == null ? null : clean(sender.getPersonal(), 200);
            List<String> refs = ids(header(message, "References"));
            String inReplyTo = firstId(header(message, "In-Reply-To")).orElse(null);
            Body body = new Body();
            body.walk(message, false);
            String text = body.text != null ? body.text : body.html != null ? HtmlText.of(body.html) : "";
            String html = body.html == null ? null : clean(Jsoup.clean(body.html, KEPT), MAX_TEXT * 2);
            Instant date = sentDate(message);
            return new Parsed(messageId, inReplyTo, refs, subject, from, fromName, recipients(message), date,
                    clean(text, MAX_TEXT), html, List.copyOf(body.files), automatic(message, from), null);
        } catch (MessagingException | IOException | RuntimeException e) {
            return unreadable(messageId, subject, from, e);
        }
    }

    /** A subject without Re:/Fwd: prefixes, spaces folded, lower case: what replies of one thread share. */
    public static String threadSubject(String subject) {
        if (subject == null) {
            return "";
        }
        String s = PREFIX.matcher(subject).replaceFirst("");
        return s.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    /** Text without NUL and other control characters (tabs and line breaks kept), at most {@code max} characters. */
    public static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                continue;
            }
            if (c >= 0x20 && c != 0x7f || c == '\n' || c == '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Every message id in a header ({@code <a@b> <c@d>}), without the angle brackets. */
    static List<String> ids(String header) {
        Set<String> found = new LinkedHashSet<>();
        if (header != null) {
            Matcher m = ID.matcher(header);
            while (m.find() && found.size() < 100) {
                found.add(m.group(1));
            }
        }
        return List.copyOf(found);
    }

    private static java.util.Optional<String> firstId(String header) {
        List<String> all = ids(header);
        if (!all.isEmpty()) {
            return java.util.Optional.of(all.get(0));
        }
        String bare = header == null ? "" : header.trim();
        return bare.matches("[^<>\\s]{1,500}@[^<>\\s]{1,500}") ? java.util.Optional.of(bare) : java.util.Optional.empty();
    }

    private static String automatic(MimeMessage m, String from) throws MessagingException {
        String auto = lower(header(m, "Auto-Submitted"));
        String precedence = lower(header(m, "Precedence"));
        String type = lower(m.getContentType());
        String local = from == null ? "" : from.substring(0, Math.max(0, from.indexOf('@')));
        if (type.startsWith("multipart/report") || local.equals("mailer-daemon") || local.equals("postmaster")) {
            return "BOUNCE";
        }
        if (!auto.isEmpty() && !auto.equals("no") || header(m, "X-Autoreply") != null || header(m, "X-Autorespond") != null
                || precedence.equals("auto_reply")) {
            return "AUTO_REPLY";
        }
        if (header(m, "List-Id") != null || header(m, "List-Unsubscribe") != null || precedence.equals("bulk")
                || precedence.equals("list") || precedence.equals("junk")) {
            return "LIST";
        }
        return null;
    }

    private static InternetAddress sender(MimeMessage m) {
        for (String name : List.of("From", "Sender", "Reply-To")) {
            try {
                String value = header(m, name);
                if (value == null) {
                    continue;
                }
                InternetAddress[] all = InternetAddress.parseHeader(value, false);
                for (InternetAddress a : all) {
                    if (a.getAddress() != null && a.getAddress().contains("@")) {
                        return a;
                    }
                }
            } catch (MessagingException | RuntimeException ignored) {
                // the next header may name the sender
            }
        }
        return null;
    }

    private static List<String> recipients(MimeMessage m) {
        List<String> to = new ArrayList<>();
        for (String name : List.of("To", "Cc", "Delivered-To")) {
            try {
                String value = header(m, name);
                if (value != null) {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        if (a.getAddress() != null && a.getAddress().contains("@") && to.size() < 50) {
                            to.add(a.getAddress().toLowerCase(Locale.ROOT));
                        }
                    }
                }
            } catch (AddressException | RuntimeException ignored) {
                // a broken address list names no one
            } catch (MessagingException ignored) {
                // the same
            }
        }
        return List.copyOf(to);
    }

    private static Instant sentDate(MimeMessage m) {
        try {
            java.util.Date d = m.getSentDate();
            return d == null ? null : d.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String header(Part p, String name) throws MessagingException {
        String[] values = p.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String decoded(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return MimeUtility.unfold(value);
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    private static Parsed unreadable(String messageId, String subject, String from, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Parsed(messageId, null, List.of(), subject, from, null, List.of(), null, "", null, List.of(), null,
                clean(why, 300));
    }

    /** Walks the MIME tree: the first plain and HTML bodies that are not attachments, every other leaf a file. */
    private static final class Body {
        String text;
        String html;
        final List<Attachment> files = new ArrayList<>();

        void walk(Part part, boolean inAlternative) throws MessagingException, IOException {
            String type = lower(part.getContentType());
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName(part) != null
                    && !type.startsWith("text/");
            if (type.startsWith("multipart/")) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        walk(child, type.startsWith("multipart/alternative"));
                    }
                    return;
                }
            }
            if (!attachment && type.startsWith("text/plain") && text == null) {
                text = decode(part);
                return;
            }
            if (!attachment && type.startsWith("text/html") && html == null) {
                html = decode(part);
                return;
            }
            if (inAlternative && type.startsWith("text/")) {
                return;
            }
            if (files.size() >= MAX_ATTACHMENTS) {
                return;
            }
            byte[] bytes = read(part.getInputStream(), MAX_ATTACHMENT_BYTES);
            if (bytes == null || bytes.length == 0) {
                return;
            }
            String name = fileName(part);
            if (name == null) {
                name = type.startsWith("message/rfc822") ? "forwarded.eml" : "attachment";
            }
            String bare = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type;
            files.add(new Attachment(clean(name, 200), bare.isEmpty() ? "application/octet-stream" : bare, bytes));
        }

        private static String fileName(Part part) {
            try {
                String name = part.getFileName();
                return name == null || name.isBlank() ? null : decoded(name);
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        /** The part's text in its declared charset; an unknown or lying charset falls back to UTF-8, then Windows-1252. */
        private static String decode(Part part) throws MessagingException, IOException {
            byte[] bytes = read(part.getInputStream(), MAX_TEXT * 4);
            if (bytes == null) {
                bytes = new byte[0];
            }
            String declared = null;
            try {
                declared = new ContentType(part.getContentType()).getParameter("charset");
            } catch (MessagingException | RuntimeException ignored) {
                // no usable Content-Type parameters
            }
            if (declared != null) {
                try {
                    Charset cs = Charset.forName(MimeUtility.javaCharset(declared.trim()));
                    return strict(cs, bytes);
                } catch (IllegalArgumentException | CharacterCodingException ignored) {
                    // unknown name or bytes that are not in it
                }
            }
            try {
                return strict(StandardCharsets.UTF_8, bytes);
            } catch (CharacterCodingException e) {
                return new String(bytes, Charset.forName("windows-1252"));
            }
        }

        private static String strict(Charset cs, byte[] bytes) throws CharacterCodingException {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        }

        /** At most {@code max} bytes; a longer stream is cut (text) or refused (null) by the caller's limit. */
        private static byte[] read(InputStream in, int max) throws IOException {
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (out.size() + n > max) {
                        return max == MAX_ATTACHMENT_BYTES ? null : out.toByteArray();
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            }
        }
    }

    /** HTML as readable text: block elements on their own lines, links kept as their text. */
    static final class HtmlText implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();

        static String of(String html) {
            Document doc = Jsoup.parse(html);
            doc.select("script, style, head").remove();
            HtmlText visitor = new HtmlText();
            NodeTraversor.traverse(visitor, doc.body() == null ? doc : doc.body());
            return visitor.out.toString().replaceAll("[ \\t\\u00a0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").trim();
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                out.append(t.text());
            } else if (node instanceof Element e && e.nameIs("br")) {
                out.append('\n');
            } else if (node instanceof Element e && e.isBlock() && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && (e.nameIs("p") || e.nameIs("div") || e.nameIs("tr") || e.nameIs("li")
                    || e.nameIs("blockquote") || e.nameIs("h1") || e.nameIs("h2") || e.nameIs("h3"))) {
                out.append('\n');
            }
        }
    }

    private static Properties lenient() {
        Properties p = new Properties();
        p.put("mail.mime.address.strict", "false");
        p.put("mail.mime.decodetext.strict", "false");
        p.put("mail.mime.parameters.strict", "false");
        p.put("mail.mime.multipart.ignoremissingendboundary", "true");
        p.put("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.put("mail.mime.base64.ignoreerrors", "true");
        p.put("mail.mime.decodefilename", "true");
        p.put("mail.mime.allowutf8", "true");
        return p;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
