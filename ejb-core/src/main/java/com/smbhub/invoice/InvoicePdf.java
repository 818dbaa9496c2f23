package com.smbhub.invoice;

import com.smbhub.contact.Contact;
import com.smbhub.money.DocumentPdf;
import com.smbhub.money.TaxCode;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.tenant.Tenant;
import java.util.List;
import java.util.Map;

/** An invoice as a PDF (the same in the back office, the e-mail, the export and the portal). */
public final class InvoicePdf {

    private InvoicePdf() {
    }

    /**
     * The stored invoice as its PDF; {@code client} and {@code logo} may be null; {@code pageUrl} is the client's page
     * (when the PDF goes with an e-mail that has one), else the invoice's card payment link is printed, if it has one.
     */
    public static byte[] of(Invoice stored, Contact client, Map<String, TaxCode> codes, Tenant business, byte[] logo,
                            String pageUrl) {
        InvoiceView invoice = InvoiceService.viewOf(stored, codes, client == null ? null : client.getDisplayName(),
                BusinessClock.today(business.zone()), List.of());
        String pay = pageUrl != null ? pageUrl : stored.getPaymentLinkUrl();
        return render(invoice, business.letterhead(logo), business.getCountry(), DocumentPdf.To.of(invoice.contactName(), client),
                pay, TaxCode.names(codes));
    }

    /** {@code payUrl} may be null (no way to pay online yet); printed only while there is something to pay. */
    public static byte[] render(InvoiceView i, DocumentPdf.From from, String country, DocumentPdf.To to, String payUrl,
                                Map<String, String> taxNames) {
        InvoiceStatus status = InvoiceStatus.valueOf(i.status());
        boolean payable = payUrl != null && i.amountDue().signum() > 0
                && (status == InvoiceStatus.OVERDUE || status.afterSend().awaitingPayment());
        return DocumentPdf.render(new DocumentPdf.Sheet("Invoice " + i.number(), "Issued " + DocumentPdf.date(i.issueDate(), country)
                        + " · Due " + DocumentPdf.date(i.dueDate(), country), i.currency(), i.pricing(), i.lines(), i.lineTotals(),
                        i.subtotal(), i.discountTotal(), i.taxes(), i.total(), i.amountPaid(), i.amountDue(), i.notes(), i.terms(),
                        status == InvoiceStatus.PAID || status == InvoiceStatus.VOID ? status : null),
                new DocumentPdf.Parties(from, to, payable ? new DocumentPdf.Link("Pay online", payUrl) : null, taxNames));
    }
}
