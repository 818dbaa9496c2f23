package com.smbhub.invoice;

import com.smbhub.money.DocumentPdf;
import java.util.Map;

/** An invoice as a PDF (the same in the back office, the e-mail and the portal). */
public final class InvoicePdf {

    private InvoicePdf() {
    }

    /** {@code logo} and {@code payLink} may be null (no logo, no card payment link yet). */
    public static byte[] render(InvoiceView i, String businessName, byte[] logo, String clientName, String clientEmail,
                                String payLink, Map<String, String> taxNames) {
        return DocumentPdf.render(new DocumentPdf.Sheet("Invoice " + i.number(), "Issued " + DocumentPdf.date(i.issueDate())
                        + " · Due " + DocumentPdf.date(i.dueDate()), i.currency(), i.pricing(), i.lines(), i.lineTotals(),
                        i.subtotal(), i.discountTotal(), i.taxes(), i.total(), i.amountPaid(), i.amountDue(), i.notes(), i.terms()),
                new DocumentPdf.Parties(businessName, logo, clientName, clientEmail, payLink == null ? null : "Pay online: " + payLink,
                        taxNames));
    }
}
