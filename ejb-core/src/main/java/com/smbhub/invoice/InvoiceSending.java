package com.smbhub.invoice;

import com.smbhub.money.DocumentMail;
import com.smbhub.money.Drafts;
import com.smbhub.money.MoneyText;
import com.smbhub.platform.errors.ConflictException;
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

    @EJB Access access;

    @EJB InvoiceService invoices;

    @EJB PortalLinks links;

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

    /** What the client will read (send: "invoice_email", reminder: "reminder_email"); the link is made when sending. */
    public Wording.Text preview(String id, String kind, String message, String templateId) {
        access.require(Capability.MONEY_SEND);
        InvoiceView invoice = invoices.get(id);
        return mail.preview(invoice.contactId(), letter(template(kind), invoice), templateId, message);
    }

    /** The templates a sender picks from ("invoice_email" or "reminder_email"), the default marked. */
    public List<Wording.Template> templates(String kind) {
        access.require(Capability.MONEY_SEND);
        return mail.templates(template(kind));
    }

    private static String template(String kind) {
        return REMINDER_EMAIL.equals(kind) ? REMINDER_EMAIL : INVOICE_EMAIL;
    }

    private static DocumentMail.Letter letter(String template, InvoiceView invoice) {
        return new DocumentMail.Letter(template, invoice.number(), MoneyText.format(invoice.amountDue(), invoice.currency()),
                invoice.dueDate());
    }
}
