package com.smbhub.invoice;

import com.smbhub.contact.Contact;
import com.smbhub.money.DocumentPdf;
import com.smbhub.money.TaxCode;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.tenant.Tenant;
import java.util.List;
import java.util.Map;

/** An invoice as a PDF (the same in the back office, the e-mail and the portal). */
public final class InvoicePdf {

    private InvoicePdf() {
    }

    /** The stored invoice as its PDF, as the back office gives it; {@code client} and {@code logo} may be null. */
    public static byte[] of(Invoice stored, Contact client, Map<String, TaxCode> codes, Tenant business, byte[] logo) {
        InvoiceView invoice = InvoiceService.viewOf(stored, codes, client == null ? null : client.getDisplayName(),
                BusinessClock.today(business.zone()), List.of());
        return render(invoice, business.getName(), business.getCountry(), logo, invoice.contactName(),
                client == null ? null : client.getEmail(), stored.getPaymentLinkUrl(), TaxCode.names(codes));
    }

    /** {@code logo} and {@code payLink} may be null (no logo, no card payment link yet). */
    public static byte[] render(InvoiceView i, String businessName, String country, byte[] logo, String clientName,
                                String clientEmail, String payLink, Map<String, String> taxNames) {
        return DocumentPdf.render(new DocumentPdf.Sheet("Invoice " + i.number(), "Issued " + DocumentPdf.date(i.issueDate(), country)
                        + " · Due " + DocumentPdf.date(i.dueDate(), country), i.currency(), i.pricing(), i.lines(), i.lineTotals(),
                        i.subtotal(), i.discountTotal(), i.taxes(), i.total(), i.amountPaid(), i.amountDue(), i.notes(), i.terms()),
                new DocumentPdf.Parties(businessName, logo, clientName, clientEmail, payLink == null ? null : "Pay online: " + payLink,
                        taxNames));
    }
}
