package com.smbhub.portal.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
    public static void invoice(HttpServletResponse response, com.smbhub.portal.PortalService.InvoicePage page, String token,
                               boolean justPaid) throws IOException {
        var i = page.invoice();
        java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);
        String state = switch (i.status()) {
            case "PAID" -> "Paid — thank you";
            case "OVERDUE" -> "Overdue since " + date.format(i.dueDate());
            case "PARTIALLY_PAID" -> "Partly paid · due " + date.format(i.dueDate());
            default -> "Due " + date.format(i.dueDate());
        };
        StringBuilder html = new StringBuilder(HEAD.formatted(escape(page.businessName() + " · Invoice " + i.number())));
        html.append("<p>").append(escape(page.businessName())).append("</p><h1>Invoice ").append(escape(i.number()))
                .append("</h1><p><span class=\"status\">").append(escape(state)).append("</span></p>");
        if (i.contactName() != null) {
            html.append("<p>For ").append(escape(i.contactName())).append(" · issued ").append(date.format(i.issueDate()))
                    .append("</p>");
        }
        html.append("<table><tr><th>Description</th><th>Qty</th><th>Price</th><th>Amount</th></tr>");
        for (int n = 0; n < i.lines().size(); n++) {
            var line = i.lines().get(n);
            html.append("<tr><td>").append(escape(line.name())).append("</td><td>")
                    .append(line.qty().stripTrailingZeros().toPlainString()).append("</td><td>")
                    .append(money(line.rate(), i.currency())).append("</td><td>")
                    .append(money(i.lineTotals().get(n).amount(), i.currency())).append("</td></tr>");
        }
        html.append("<tr class=\"sum\"><td colspan=\"3\">Subtotal</td><td>").append(money(i.subtotal(), i.currency())).append("</td></tr>");
        if (i.discountTotal().signum() > 0) {
            html.append("<tr class=\"sum\"><td colspan=\"3\">Discount</td><td>−").append(money(i.discountTotal(), i.currency()))
                    .append("</td></tr>");
        }
        i.taxes().forEach((code, amount) -> html.append("<tr class=\"sum\"><td colspan=\"3\">")
                .append(escape(page.taxNames().getOrDefault(code, code))).append("</td><td>").append(money(amount, i.currency()))
                .append("</td></tr>"));
        html.append("<tr class=\"sum total\"><td colspan=\"3\">Total ").append(escape(i.currency())).append("</td><td>")
                .append(money(i.total(), i.currency())).append("</td></tr>");
        if (i.amountPaid().signum() > 0) {
            html.append("<tr class=\"sum total\"><td colspan=\"3\">Amount due</td><td>").append(money(i.amountDue(), i.currency()))
                    .append("</td></tr>");
        }
        html.append("</table>");
        if (i.notes() != null) {
            html.append("<p>").append(escape(i.notes())).append("</p>");
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
        html.append("<a class=\"button\" href=\"").append(escape(token)).append("/pdf\">Download PDF</a>");
        html.append("</main></body></html>");
        response.setStatus(200);
        html(response);
        response.getWriter().write(html.toString());
    }

    private static void html(HttpServletResponse response) {
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        privacy(response);
    }

    private static String money(java.math.BigDecimal amount, String currency) {
        return escape(com.smbhub.money.MoneyText.format(amount, currency));
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
