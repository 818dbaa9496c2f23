package com.smbhub.portal.pages;

import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.platform.InputText;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.RateLimitedException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.portal.PortalService;
import com.smbhub.profile.CapabilityDisabledException;
import com.smbhub.quote.QuoteStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Client portal pages on token links: {@code /portal/invoices/<token>}, its PDF, and Pay ({@code POST
 * …/pay}, on to Stripe Checkout); {@code /portal/quotes/<token>}, its PDF, Approve / Decline ({@code POST
 * …/approve|reject}, confirmed on a second page); "Message <business>" on both ({@code POST …/message}). Unknown, revoked and expired links all answer the same friendly 404,
 * giving no hint of whether a document exists; each address may look up a limited number of links a
 * minute (429 beyond). {@code /portal/paid} thanks a client who paid from a link sent by the business.
 */
@WebServlet("/portal/*")
public class PortalServlet extends HttpServlet {

    @EJB PortalService portal;

    @Inject @ConfigProperty(name = "smbhub.portal.lookups-per-window", defaultValue = "30") int lookupsPerWindow;

    @Inject @ConfigProperty(name = "smbhub.portal.lookup-window-seconds", defaultValue = "60") int windowSeconds;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    private volatile PortalRateLimit limit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals("/paid")) {
            PortalPage.send(response, 200, "Thank you", "Your payment went through. The business sees it right away;"
                    + " you can close this page.");
            return;
        }
        String[] parts = path.split("/");
        // "", "invoices" | "quotes", token [, "pdf"]
        boolean quote = parts.length > 1 && parts[1].equals("quotes");
        if (parts.length < 3 || parts.length > 4 || !(quote || parts[1].equals("invoices"))
                || (parts.length == 4 && !parts[3].equals("pdf"))) {
            notValid(request, response);
            return;
        }
        if (throttled(request, response, parts[2])) {
            return;
        }
        if (parts.length == 4) {
            var pdf = quote ? portal.quotePdf(parts[2]) : portal.invoicePdf(parts[2]);
            if (pdf.isEmpty()) {
                notValid(request, response);
                return;
            }
            opened(request, parts[2]);
            PortalPage.privacy(response);
            response.setContentType("application/pdf");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + (quote ? "quote" : "invoice") + ".pdf\"");
            response.getOutputStream().write(pdf.get());
            return;
        }
        if (quote) {
            var page = portal.quote(parts[2]);
            if (page.isEmpty()) {
                notValid(request, response);
                return;
            }
            opened(request, parts[2]);
            String done = request.getParameter("done");
            PortalPage.quote(response, page.get(), parts[2], "approved".equals(done)
                    ? "Thank you — " + page.get().businessName() + " has your approval."
                    : "rejected".equals(done) ? "Thank you — " + page.get().businessName() + " has your answer."
                    : sent(request, page.get().businessName()));
            return;
        }
        var page = portal.invoice(parts[2]);
        if (page.isEmpty()) {
            notValid(request, response);
            return;
        }
        opened(request, parts[2]);
        if (page.get().invoice().state() == InvoiceStatus.VOID) {
            PortalPage.send(response, 410, "This invoice was cancelled",
                    page.get().businessName() + " cancelled this invoice; there is nothing to pay.");
            return;
        }
        PortalPage.invoice(response, page.get(), parts[2], request.getParameter("paid") != null,
                sent(request, page.get().businessName()));
    }

    /** Pay (on to the Stripe Checkout page for the amount due now), or Approve / Decline a quote (after a confirmation). */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.split("/");
        boolean pay = parts.length == 4 && parts[1].equals("invoices") && parts[3].equals("pay");
        boolean answer = parts.length == 4 && parts[1].equals("quotes") && (parts[3].equals("approve") || parts[3].equals("reject"));
        boolean message = parts.length == 4 && (parts[1].equals("quotes") || parts[1].equals("invoices"))
                && parts[3].equals("message");
        if (!pay && !answer && !message) {
            notValid(request, response);
            return;
        }
        if (request.getParameterMap().values().stream().flatMap(Arrays::stream).anyMatch(InputText::hasControl)) {
            PortalPage.send(response, 400, "That did not go through",
                    "The form held characters that cannot be kept. Please type your note again.");
            return;
        }
        if (throttled(request, response, parts[2])) {
            return;
        }
        if (answer) {
            answer(request, response, parts[2], parts[3].equals("approve"));
            return;
        }
        if (message) {
            message(request, response, parts[1], parts[2]);
            return;
        }
        String page = publicUrl.replaceAll("/+$", "") + "/portal/invoices/" + parts[2];
        try {
            var checkout = portal.pay(parts[2], page, request.getRemoteAddr());
            if (checkout.isEmpty()) {
                notValid(request, response);
                return;
            }
            opened(request, parts[2]);
            PortalPage.privacy(response);
            response.setStatus(303);
            response.setHeader("Location", checkout.get());
        } catch (RuntimeException e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ValidationException) {
                PortalPage.send(response, 409, "This invoice cannot be paid online", cause.getMessage() + ".");
            } else if (cause instanceof ProviderException) {
                PortalPage.send(response, 502, "The payment could not start",
                        "The card payment service did not answer as expected. Nothing was charged; please go back and try again in a minute.");
            } else {
                throw e;
            }
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, String token, boolean approve)
            throws IOException {
        String note = request.getParameter("note");
        if (note != null && note.length() > 1000) {
            note = note.substring(0, 1000);
        }
        if (!"yes".equals(request.getParameter("confirm"))) {
            var page = portal.quote(token);
            if (page.isEmpty()) {
                notValid(request, response);
            } else if (page.get().quote().state() != QuoteStatus.SENT) {
                PortalPage.quote(response, page.get(), token, "This quote is no longer waiting for an answer.");
            } else {
                PortalPage.confirmQuote(response, page.get(), token, approve, note);
            }
            return;
        }
        try {
            if (portal.decideQuote(token, approve, note, request.getRemoteAddr()).isEmpty()) {
                notValid(request, response);
                return;
            }
            PortalPage.privacy(response);
            response.setStatus(303);
            response.setHeader("Location", publicUrl.replaceAll("/+$", "") + "/portal/quotes/" + token + "?done="
                    + (approve ? "approved" : "rejected"));
        } catch (RuntimeException e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof ValidationException)) {
                throw e;
            }
            PortalPage.send(response, 409, "This quote cannot be answered", cause.getMessage() + ".");
        }
    }

    /** "Message <business>": into the business's inbox, then back to the page with a thank-you (303). */
    private void message(HttpServletRequest request, HttpServletResponse response, String kind, String token)
            throws IOException {
        String text = request.getParameter("text");
        try {
            if (portal.message(token, kind.equals("quotes") ? "QUOTE" : "INVOICE", text, request.getRemoteAddr()).isEmpty()) {
                notValid(request, response);
                return;
            }
            opened(request, token);
            PortalPage.privacy(response);
            response.setStatus(303);
            response.setHeader("Location", publicUrl.replaceAll("/+$", "") + "/portal/" + kind + "/" + token + "?sent=1#messages");
        } catch (RuntimeException e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ValidationException v) {
                PortalPage.page(response, 400, "That did not go through", "<h1>That did not go through</h1><p>"
                        + PortalPage.escape(v.errors().isEmpty() ? v.getMessage() : v.errors().get(0).message())
                        + ".</p><a class=\"button\" href=\"" + PortalPage.escape(token) + "\">Go back</a>");
            } else if (cause instanceof CapabilityDisabledException) {
                PortalPage.send(response, 409, "Messages are not taken here",
                        "This business does not take messages on this page. Please contact them by e-mail or phone.");
            } else if (cause instanceof RateLimitedException limited) {
                response.setHeader("Retry-After", String.valueOf(limited.retryAfter().toSeconds()));
                PortalPage.send(response, 429, "Please wait a little", limited.getMessage() + ".");
            } else {
                throw e;
            }
        }
    }

    private static String sent(HttpServletRequest request, String businessName) {
        return request.getParameter("sent") == null ? null
                : "Sent — " + businessName + " has your message and answers by e-mail.";
    }

    /**
     * Answers 429 when this address had too many failed look-ups this window — unless this link already
     * opened from here (a client paying, downloading, answering is not stopped by someone else's guesses).
     */
    private boolean throttled(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        String address = address(request);
        if (limiter().opened(address, token) || !limiter().blocked(address)) {
            return false;
        }
        response.setHeader("Retry-After", String.valueOf(Math.max(1, windowSeconds)));
        PortalPage.send(response, 429, "Too many requests", "Please wait a minute and try again.");
        return true;
    }

    private void opened(HttpServletRequest request, String token) {
        limiter().remember(address(request), token);
    }

    /** The client's address; none when a load balancer that passes it (Proxy-ip) was bypassed. */
    private static String address(HttpServletRequest request) {
        return request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }

    private PortalRateLimit limiter() {
        if (limit == null) {
            limit = new PortalRateLimit(Math.max(1, lookupsPerWindow), Math.max(1, windowSeconds));
        }
        return limit;
    }

    /** "Not valid" — and one failed look-up more for this address. */
    private void notValid(HttpServletRequest request, HttpServletResponse response) throws IOException {
        limiter().failed(address(request));
        PortalPage.send(response, 404, "This link is not valid",
                "The link may have expired or been replaced. Ask the business to send you a new one.");
    }
}
