package com.smbhub.platform.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML part of a message, made from its text (the text part stays what the template says): paragraphs as
 * written, a line that is a link alone as a clear button with the address under it for copying, other links
 * clickable, everything else escaped. One narrow column that reads on a phone; inline styles only (mail clients
 * drop style sheets).
 */
final class MailHtml {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    /** What a message's button says, by the kind of message (mail_log.kind); "Open" for the others. */
    private static final Map<String, String> BUTTONS = Map.of("INVOICE", "View invoice", "QUOTE", "View quote",
            "REMINDER", "View and pay", "RECEIPT", "View your payments", "INVITATION", "Accept the invitation",
            "VERIFY_EMAIL", "Confirm your e-mail address", "RESET_PASSWORD", "Choose a new password",
            "PAYMENT_RECEIVED", "See the invoice");

    private MailHtml() {
    }

    static String button(String kind) {
        return kind == null ? "Open" : BUTTONS.getOrDefault(kind, "Open");
    }

    /** The message as HTML; {@code button} is what a link alone on its line says. */
    static String of(String text, String button) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs(text)) {
            List<String> words = new ArrayList<>();
            for (String line : paragraph.split("\n")) {
                if (URL.matcher(line.strip()).matches()) {
                    text(body, words);
                    String href = escape(line.strip());
                    body.append("<p style=\"margin:16px 0 8px\"><a href=\"").append(href).append("\" style=\"display:inline-block;")
                            .append("padding:12px 22px;border-radius:6px;background:#1d4ed8;color:#ffffff;text-decoration:none;")
                            .append("font-weight:600\">").append(escape(button)).append("</a></p>")
                            .append("<p style=\"margin:0 0 16px;font-size:12px;color:#6b7280;word-break:break-all\">")
                            .append(href).append("</p>");
                } else {
                    words.add(line);
                }
            }
            text(body, words);
        }
        return "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
                + " initial-scale=1\"></head><body style=\"margin:0;padding:0;background:#f3f4f6\">"
                + "<div style=\"max-width:560px;margin:0 auto;padding:24px 16px\"><div style=\"background:#ffffff;"
                + "border-radius:8px;padding:24px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
                + "font-size:15px;line-height:1.5;color:#1f2937\">" + body + "</div></div></body></html>";
    }

    /** The lines gathered so far as one paragraph (none when there are none). */
    private static void text(StringBuilder body, List<String> lines) {
        if (!lines.isEmpty()) {
            body.append("<p style=\"margin:0 0 16px\">").append(linked(String.join("\n", lines)).replace("\n", "<br>"))
                    .append("</p>");
            lines.clear();
        }
    }

    private static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            if (!p.isBlank()) {
                paragraphs.add(p.strip());
            }
        }
        return paragraphs;
    }

    /** Escaped, with each address a link. */
    private static String linked(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(escape(text.substring(at, m.start())));
            String href = escape(m.group());
            out.append("<a href=\"").append(href).append("\" style=\"color:#1d4ed8\">").append(href).append("</a>");
            at = m.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
