package com.smbhub.invoice;

import com.smbhub.money.DocumentMail;
import com.smbhub.money.Drafts;
import com.smbhub.money.MoneyText;
import com.smbhub.payment.PaymentService;
import com.smbhub.payment.PaymentStatus;
import com.smbhub.payment.PaymentView;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.mail.Wording;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.portal.PortalLinks;
import com.smbhub.profile.ProfileService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Sends an invoice by e-mail with its PDF and a fresh client link. It becomes SENT only after the
 * mail server accepted the message; if the server refuses, nothing changes (the link made for the
 * message is rolled back too) and the reason is returned.
 */
@Stateless
@TenantScoped
public class InvoiceSending {

    private static final String INVOICE_EMAIL = "invoice_email";
    private static final String REMINDER_EMAIL = "reminder_email";
    private static final String RECEIPT_EMAIL = "receipt_email";

    @EJB Access access;

    @EJB InvoiceService invoices;

    @EJB PortalLinks links;

    @EJB PaymentService payments;

    @EJB AuditService audit;

    @EJB DocumentMail mail;

    @EJB Wording wording;

    @EJB ProfileService profiles;

    /** {@code to}: null sends to the client's e-mail; {@code message}: an optional personal line. */
    public InvoiceView send(String id, String to, String message, String templateId) {
        access.require(Capability.MONEY_SEND);
        InvoiceView invoice = invoices.get(id);
        List<FieldError> errors = new ArrayList<>();
        if (!invoice.allowedActions().contains(InvoiceStatus.Action.SEND.apiName())) {
            errors.add(new FieldError("status", "A " + invoice.status().toLowerCase().replace('_', ' ') + " invoice is not sent"));
        }
        if (invoice.total().signum() <= 0) {
            errors.add(new FieldError("total", "The total must be more than zero"));
        }
        DocumentMail.Addressed addressed = mail.address(invoice.contactId(), to, message, errors);
        String page = links.regenerate(Drafts.Kind.INVOICE, id, addressed.address(), null);
        mail.send("INVOICE", id, invoice.contactId(), letter(INVOICE_EMAIL, invoice), templateId, addressed, page,
                new Mailer.Attachment(invoice.number() + ".pdf", "application/pdf", invoices.pdf(id, page)), UnaryOperator.identity(),
                null);
        return invoices.markSent(id, addressed.address());
    }

    /**
     * "Send reminder" (PRD 5.5): the amount still due, the due date and a fresh client link to the
     * client; the collection stage moves on only once the mail server took the message.
     */
    public InvoiceView remind(String id, String to, String message, String templateId) {
        access.require(Capability.MONEY_SEND);
        InvoiceView invoice = invoices.get(id);
        return remind(invoice, to, message, templateId, ArStage.of(invoice.arStage()).next(), null);
    }

    /**
     * The reminders job's reminder of {@code stage} (the one due now) to the client's e-mail with the template the
     * business chose for that stage (Settings; else its default reminder wording); false when that stage was already sent.
     */
    public boolean remindAutomatically(String id, ArStage stage, String jobRunId) {
        return remind(invoices.get(id), null, null, stageTemplate(stage), stage, jobRunId) != null;
    }

    /**
     * The template of reminder {@code stage}: the business's own for it (Settings → Business) while it exists, else
     * null (the default reminder wording). "Send reminder" starts from the one of the invoice's next stage.
     */
    public String stageTemplate(ArStage stage) {
        access.require(Capability.MONEY_SEND);
        return wording.existing(REMINDER_EMAIL, profiles.effective().arStageTemplates().get(stage.key()));
    }

    private InvoiceView remind(InvoiceView invoice, String to, String message, String templateId, ArStage stage, String jobRunId) {
        String id = invoice.id();
        List<FieldError> errors = new ArrayList<>();
        if (!invoice.allowedActions().contains(InvoiceStatus.Action.REMIND.apiName())) {
            errors.add(new FieldError("status", "Reminders go for sent invoices with an amount due"));
        }
        DocumentMail.Addressed addressed = mail.address(invoice.contactId(), to, message, errors);
        boolean automatic = jobRunId != null;
        boolean again = !automatic && ArStage.of(invoice.arStage()) == ArStage.FINAL; // a person may repeat the final one
        if (!again && !invoices.claimReminder(id, stage, automatic, jobRunId)) {
            if (automatic) {
                return null;
            }
            throw new ConflictException("This reminder was just sent, or the invoice was just paid", invoices.get(id));
        }
        boolean stageWording = automatic && templateId != null; // the business worded this stage itself: its subject as written
        mail.send("REMINDER", id, invoice.contactId(), letter(REMINDER_EMAIL, invoice), templateId, addressed,
                links.regenerate(Drafts.Kind.INVOICE, id, addressed.address(), null), null,
                subject -> stage == ArStage.FINAL && !stageWording ? "Final reminder: " + subject.replaceFirst("^(?i)reminder:\\s*", "")
                        : subject,
                again ? null : "reminder-" + stage.key() + "-" + id); // once per stage: see claimReminder
        invoices.markReminded(id, addressed.address(), stage, automatic);
        return automatic ? invoice : invoices.get(id); // a run needs no fresh view: it only counts the reminder
    }

    /**
     * A receipt for a payment received on the invoice (card or recorded): the amount and the day it came in, the
     * invoice's PDF (stamped PAID once paid in full) and a fresh link to the client's page, which lists the payments.
     * {@code to}: null sends to the client's e-mail. Audited as payment.receipt_sent; a refusal changes nothing.
     */
    public void receipt(String invoiceId, String paymentId, String to, String message, String templateId) {
        access.require(Capability.MONEY_SEND);
        InvoiceView invoice = invoices.get(invoiceId);
        PaymentView payment = received(invoiceId, paymentId);
        List<FieldError> errors = new ArrayList<>();
        DocumentMail.Addressed addressed = mail.address(invoice.contactId(), to, message, errors);
        String page = links.regenerate(Drafts.Kind.INVOICE, invoiceId, addressed.address(), null);
        mail.send("RECEIPT", invoiceId, invoice.contactId(), receiptLetter(invoice, payment), templateId, addressed, page,
                new Mailer.Attachment(invoice.number() + ".pdf", "application/pdf", invoices.pdf(invoiceId, page)),
                UnaryOperator.identity(), null);
        audit.record("payment.receipt_sent", "payment", paymentId, null, Map.of("invoice_id", invoiceId, "to", addressed.address()));
    }

    /** What the client will read in the receipt of that payment; the link is made when sending. */
    public Wording.Text previewReceipt(String invoiceId, String paymentId, String message, String templateId) {
        access.require(Capability.MONEY_SEND);
        InvoiceView invoice = invoices.get(invoiceId);
        return mail.preview(invoice.contactId(), receiptLetter(invoice, received(invoiceId, paymentId)), templateId, message);
    }

    /** The invoice's payment that came in (not refunded), or a ValidationException. */
    private PaymentView received(String invoiceId, String paymentId) {
        return payments.ofInvoice(invoiceId).stream()
                .filter(p -> p.id().equals(paymentId) && PaymentStatus.SUCCEEDED.name().equals(p.status())).findFirst()
                .orElseThrow(() -> new ValidationException("payment_id", "Only a payment received on this invoice gets a receipt"));
    }

    private DocumentMail.Letter receiptLetter(InvoiceView invoice, PaymentView payment) {
        return new DocumentMail.Letter(RECEIPT_EMAIL, invoice.number(), MoneyText.format(payment.amount(), payment.currency()),
                payment.paidAt().atZone(payments.zone()).toLocalDate());
    }

    /** What the client will read (send: "invoice_email", reminder: "reminder_email"); the link is made when sending. */
    public Wording.Text preview(String id, String kind, String message, String templateId) {
        access.require(Capability.MONEY_SEND);
        InvoiceView invoice = invoices.get(id);
        return mail.preview(invoice.contactId(), letter(template(kind), invoice), templateId, message);
    }

    /** The templates a sender picks from ("invoice_email", "reminder_email" or "receipt_email"), the default marked. */
    public List<Wording.Template> templates(String kind) {
        access.require(Capability.MONEY_SEND);
        return mail.templates(template(kind));
    }

    private static String template(String kind) {
        return REMINDER_EMAIL.equals(kind) || RECEIPT_EMAIL.equals(kind) ? kind : INVOICE_EMAIL;
    }

    private static DocumentMail.Letter letter(String template, InvoiceView invoice) {
        return new DocumentMail.Letter(template, invoice.number(), MoneyText.format(invoice.amountDue(), invoice.currency()),
                invoice.dueDate());
    }
}
