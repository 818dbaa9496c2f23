package com.smbhub.portal.pages;

import com.smbhub.inbox.PortalMessages;
import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.money.DocumentPdf;
import com.smbhub.money.DocumentView;
import com.smbhub.money.LineItem;
import com.smbhub.money.MoneyText;
import com.smbhub.money.Totals;
import com.smbhub.platform.time.DateStyle;
import com.smbhub.portal.PortalService;
import com.smbhub.quote.QuoteStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A small, script-free, phone-friendly public page with the portal's privacy headers. */
public final class PortalPage {

    private PortalPage() {
    }

    private static final String HEAD = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex, nofollow">
            <title>%s</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
            h1{font-size:1.4rem}p{line-height:1.5}table{width:100%%;border-collapse:collapse}
            td,th{padding:.4rem .2rem;border-bottom:1px solid #e5e7eb;text-align:right}td:first-child,th:first-child{text-align:left}
            .sum td{border:0}.total td{font-weight:700}.status{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:#eef2ff}
            a.button,button{display:inline-block;margin-top:1rem;padding:.6rem 1rem;border:1px solid #1d4ed8;border-radius:.4rem;color:#1d4ed8;background:#fff;text-decoration:none;font:inherit;cursor:pointer}
            button.pay{background:#1d4ed8;color:#fff;margin-right:.5rem}.note{padding:.6rem;border-radius:.4rem;background:#ecfdf5}
            .msg{padding:.5rem .7rem;border-radius:.4rem;margin:.4rem 0;background:#f3f4f6;white-space:pre-wrap;overflow-wrap:anywhere}
            .msg.business{background:#eef2ff}.msg small{display:block;color:#6b7280}textarea{width:100%%;box-sizing:border-box;font:inherit}
            </style></head><body><main>
            """;

    /** Headers every portal answer carries: no referrer, not indexed, not cached, no scripts. */
    public static void privacy(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    }

    public static void send(HttpServletResponse response, int status, String title, String message) throws IOException {
        page(response, status, title, "<h1>" + escape(title) + "</h1><p>" + escape(message) + "</p>");
    }

    /** A page with this (already escaped) body. */
    public static void page(HttpServletResponse response, int status, String title, String body) throws IOException {
        response.setStatus(status);
        html(response);
        response.getWriter().write(HEAD.formatted(escape(title)) + body + "</main></body></html>");
    }

    /** The invoice a client opened: business, number, state, lines, totals, and its PDF. */
    public static void invoice(HttpServletResponse response, PortalService.InvoicePage page, String token,
                               boolean justPaid, String notice) throws IOException {
        var i = page.invoice();
        String state = switch (InvoiceStatus.of(i.status())) {
            case PAID -> "Paid — thank you";
            case OVERDUE -> "Overdue since " + DocumentPdf.date(i.dueDate(), page.country());
            case PARTIALLY_PAID -> "Partly paid · due " + DocumentPdf.date(i.dueDate(), page.country());
            default -> "Due " + DocumentPdf.date(i.dueDate(), page.country());
        };
        StringBuilder html = top("Invoice", page.business(), i, state, notice, page.country());
        table(html, i, page.taxNames());
        if (i.amountPaid().signum() > 0) {
            html.append("<tr class=\"sum total\"><td colspan=\"3\">Amount due</td><td>").append(money(i.amountDue(), i.currency()))
                    .append("</td></tr>");
        }
        notesAndTerms(html, i);
        if (!page.receipts().isEmpty()) {
            html.append("<h2 style=\"font-size:1.1rem\">Payments received</h2><table id=\"receipt\">");
            for (var r : page.receipts()) {
                html.append("<tr><td>").append(DocumentPdf.date(r.paidOn(), page.country())).append(" · ")
                        .append(escape(r.method())).append(r.refunded() ? " (refunded)" : "").append("</td><td>")
                        .append(money(r.amount(), r.currency())).append("</td></tr>");
            }
            html.append("</table>");
        }
        if (justPaid) {
            html.append("<p class=\"note\">").append("PAID".equals(i.status()) ? "Payment received — thank you."
                    : "Thank you — your payment is being confirmed; this page shows it once it arrives.").append("</p>");
        }
        if (page.payable()) {
            html.append("<form method=\"post\" action=\"").append(escape(token)).append("/pay\" style=\"display:inline\">")
                    .append("<button class=\"pay\" type=\"submit\">Pay ").append(money(i.amountDue(), i.currency()))
                    .append("</button></form>");
        }
        messages(html, page.businessName(), page.messages(), page.zone(), page.country(), token);
        finish(response, html, token);
    }

    /** The quote a client opened: business, number, state, lines, totals, and Approve / Decline while it waits. */
    public static void quote(HttpServletResponse response, PortalService.QuotePage page, String token,
                             String notice) throws IOException {
        var q = page.quote();
        String state = switch (q.state()) {
            case APPROVED, CONVERTED -> "Approved — thank you";
            case REJECTED -> "Declined";
            case EXPIRED -> "Expired on " + DocumentPdf.date(q.expiryDate(), page.country());
            case DRAFT, SENT -> q.expiryDate() == null ? "Waiting for your answer"
                    : "Valid until " + DocumentPdf.date(q.expiryDate(), page.country());
        };
        StringBuilder html = top("Quote", page.business(), q, state, notice, page.country());
        table(html, q, page.taxNames());
        notesAndTerms(html, q);
        if (q.state().allows(QuoteStatus.Action.APPROVE)) {
            html.append("<form method=\"post\" action=\"").append(escape(token)).append("/approve\">")
                    .append("<label for=\"note\">A note for ").append(escape(page.businessName())).append(" (optional)</label><br>")
                    .append("<textarea id=\"note\" name=\"note\" rows=\"2\" maxlength=\"1000\" style=\"width:100%\"></textarea><br>")
                    .append("<button class=\"pay\" id=\"approve\" type=\"submit\">Approve quote</button>")
                    .append("<button id=\"reject\" type=\"submit\" formaction=\"").append(escape(token))
                    .append("/reject\">Decline</button></form>");
        }
        messages(html, page.businessName(), page.messages(), page.zone(), page.country(), token);
        finish(response, html, token);
    }

    /** "Approve quote Q-1001 for $1,073.50?": the second step, so nothing is decided by a stray click. */
    public static void confirmQuote(HttpServletResponse response, PortalService.QuotePage page, String token,
                                    boolean approve, String note) throws IOException {
        var q = page.quote();
        String verb = approve ? "Approve" : "Decline";
        StringBuilder html = new StringBuilder(HEAD.formatted(escape(verb + " quote " + q.number())));
        html.append("<p>").append(escape(page.businessName())).append("</p><h1>").append(verb).append(" quote ")
                .append(escape(q.number())).append(" for ").append(money(q.total(), q.currency())).append("?</h1>")
                .append(approve ? "<p>" + escape(page.businessName()) + " will be told you approved it and can go ahead.</p>"
                        : "<p>" + escape(page.businessName()) + " will be told you declined it.</p>");
        if (note != null && !note.isBlank()) {
            html.append("<p>Your note: “").append(escape(note.trim())).append("”</p>");
        }
        html.append("<form method=\"post\" action=\"").append(approve ? "approve" : "reject").append("\">")
                .append("<input type=\"hidden\" name=\"confirm\" value=\"yes\">")
                .append("<input type=\"hidden\" name=\"note\" value=\"").append(escape(note == null ? "" : note)).append("\">")
                .append("<button class=\"pay\" id=\"confirm\" type=\"submit\">Yes, ").append(verb.toLowerCase())
                .append("</button></form><a class=\"button\" href=\"../").append(escape(token)).append("\">Go back</a>")
                .append("</main></body></html>");
        response.setStatus(200);
        html(response);
        response.getWriter().write(html.toString());
    }

    /**
     * A document page's start: the business with its details (address, how to reach it, tax numbers), "Invoice
     * INV-1001", its state in words, a notice, the client and date.
     */
    private static StringBuilder top(String kind, DocumentPdf.From business, DocumentView d, String state, String notice,
                                       String country) {
        StringBuilder html = new StringBuilder(HEAD.formatted(escape(business.name() + " · " + kind + " " + d.number())));
        html.append("<p id=\"business\"><strong>").append(escape(business.name())).append("</strong>");
        for (String line : business.lines()) {
            html.append("<br><small>").append(escape(line)).append("</small>");
        }
        for (String line : business.taxNumbers()) {
            html.append("<br><small>").append(escape(line)).append("</small>");
        }
        html.append("</p><h1>").append(kind).append(" ").append(escape(d.number()))
                .append("</h1><p><span class=\"status\">").append(escape(state)).append("</span></p>");
        if (notice != null) {
            html.append("<p class=\"note\">").append(escape(notice)).append("</p>");
        }
        if (d.contactName() != null) {
            html.append("<p>For ").append(escape(d.contactName())).append(" · issued ").append(DocumentPdf.date(d.issueDate(), country))
                    .append("</p>");
        }
        return html;
    }

    /** "Message <business>": what was written about the document so far, and a form that works without scripts. */
    private static void messages(StringBuilder html, String businessName, List<PortalMessages.Shown> messages, ZoneId zone,
                                 String country, String token) {
        if (messages == null) {
            return; // the business does not take messages here
        }
        html.append("<h2 id=\"messages\" style=\"font-size:1.1rem\">Messages</h2>");
        for (var m : messages) {
            html.append("<div class=\"msg").append(m.fromClient() ? " client" : " business").append("\"><small>")
                    .append(m.fromClient() ? "You" : escape(businessName)).append(" · ").append(DateStyle.when(m.at().atZone(zone), country))
                    .append("</small>").append(escape(m.text())).append("</div>");
        }
        html.append("<form method=\"post\" action=\"").append(escape(token)).append("/message\">")
                .append("<label for=\"message\">Message ").append(escape(businessName)).append("</label>")
                .append("<textarea id=\"message\" name=\"text\" rows=\"3\" maxlength=\"2000\" required></textarea>")
                .append("<button id=\"send-message\" type=\"submit\">Send message</button></form>")
                .append("<p><small>").append(escape(businessName)).append(" answers by e-mail.</small></p>");
    }

    /** Closes the lines table and adds the document's notes and terms. */
    private static void notesAndTerms(StringBuilder html, DocumentView d) {
        html.append("</table>");
        if (d.notes() != null) {
            html.append("<p>").append(escape(d.notes())).append("</p>");
        }
        if (d.terms() != null) {
            html.append("<p><small>").append(escape(d.terms())).append("</small></p>");
        }
    }

    /** The PDF link and the end of the page, written with 200. */
    private static void finish(HttpServletResponse response, StringBuilder html, String token) throws IOException {
        html.append("<a class=\"button\" href=\"").append(escape(token)).append("/pdf\">Download PDF</a>");
        html.append("</main></body></html>");
        response.setStatus(200);
        html(response);
        response.getWriter().write(html.toString());
    }

    /** The lines and totals; the table stays open for rows of the document's own. */
    private static void table(StringBuilder html, DocumentView d, Map<String, String> taxNames) {
        List<LineItem> lines = d.lines();
        List<Totals.Line> lineTotals = d.lineTotals();
        String currency = d.currency();
        html.append("<table><tr><th>Description</th><th>Qty</th><th>Price</th><th>Amount</th></tr>");
        for (int n = 0; n < lines.size(); n++) {
            var line = lines.get(n);
            html.append("<tr><td>").append(escape(line.name())).append("</td><td>")
                    .append(line.qty().stripTrailingZeros().toPlainString()).append("</td><td>")
                    .append(money(line.rate(), currency)).append("</td><td>")
                    .append(money(lineTotals.get(n).amount(), currency)).append("</td></tr>");
        }
        html.append("<tr class=\"sum\"><td colspan=\"3\">Subtotal</td><td>").append(money(d.subtotal(), currency)).append("</td></tr>");
        if (d.discountTotal().signum() > 0) {
            html.append("<tr class=\"sum\"><td colspan=\"3\">Discount</td><td>−").append(money(d.discountTotal(), currency))
                    .append("</td></tr>");
        }
        d.taxes().forEach((code, amount) -> html.append("<tr class=\"sum\"><td colspan=\"3\">")
                .append(escape(taxNames.getOrDefault(code, code))).append("</td><td>").append(money(amount, currency))
                .append("</td></tr>"));
        html.append("<tr class=\"sum total\"><td colspan=\"3\">Total ").append(escape(currency)).append("</td><td>")
                .append(money(d.total(), currency)).append("</td></tr>");
    }

    private static void html(HttpServletResponse response) {
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        privacy(response);
    }

    private static String money(BigDecimal amount, String currency) {
        return escape(MoneyText.format(amount, currency));
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
