package com.smbhub.invoice;

import com.smbhub.contact.Contact;
import com.smbhub.money.MoneyText;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.mail.Wording;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.portal.PortalLinks;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends an invoice by e-mail with its PDF and a fresh client link. It becomes SENT only after the
 * mail server accepted the message; if the server refuses, nothing changes (the link made for the
 * message is rolled back too) and the reason is returned.
 */
@Stateless
@TenantScoped
public class InvoiceSending {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    @PersistenceContext(unitName = "smbhub")
    EntityManager em;

    @EJB
    Access access;

    @EJB
    InvoiceService invoices;

    @EJB
    PortalLinks links;

    @EJB
    Mailer mailer;

    @EJB
    Wording wording;

    @Inject
    @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

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
        Contact client = em.find(Contact.class, invoice.contactId());
        String address = Mailer.recipient(to, client == null ? null : client.getEmail(), errors);
        String note = Mailer.note(message, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Tenant business = em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
        String link = publicUrl.replaceAll("/+$", "") + links.regenerateInvoiceLink(id, address, null);
        Wording.Text mail = wording.render("invoice_email", templateId, values(client, business, invoice.number(),
                MoneyText.format(invoice.amountDue(), invoice.currency()), DATE.format(invoice.dueDate()), link, note));
        mailer.send("INVOICE", id, business.getName(), address, mail.subject(), mail.body(),
                List.of(new Mailer.Attachment(invoice.number() + ".pdf", "application/pdf", invoices.pdf(id))));
        return invoices.markSent(id, address);
    }

    /**
     * "Send reminder" (PRD 5.5): the amount still due, the due date and a fresh client link to the
     * client; the collection stage moves on only once the mail server took the message.
     */
    public InvoiceView remind(String id, String to, String message, String templateId) {
        access.require(Capability.MONEY_SEND);
        InvoiceView invoice = invoices.get(id);
        List<FieldError> errors = new ArrayList<>();
        if (!invoice.allowedActions().contains("remind")) {
            errors.add(new FieldError("status", "Reminders go for sent invoices with an amount due"));
        }
        Contact client = em.find(Contact.class, invoice.contactId());
        String address = Mailer.recipient(to, client == null ? null : client.getEmail(), errors);
        String note = Mailer.note(message, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Tenant business = em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
        String link = publicUrl.replaceAll("/+$", "") + links.regenerateInvoiceLink(id, address, null);
        boolean last = List.of("REMINDER_2", "FINAL").contains(invoice.arStage());
        Wording.Text mail = wording.render("reminder_email", templateId, values(client, business, invoice.number(),
                MoneyText.format(invoice.amountDue(), invoice.currency()), DATE.format(invoice.dueDate()), link, note));
        String subject = last ? "Final reminder: " + mail.subject().replaceFirst("^(?i)reminder:\\s*", "") : mail.subject();
        mailer.send("REMINDER", id, business.getName(), address, subject, mail.body(), List.of());
        return invoices.markReminded(id, address);
    }

    /** What the client will read (send: "invoice_email", reminder: "reminder_email"); the link is made when sending. */
    public Wording.Text preview(String id, String kind, String message, String templateId) {
        access.require(Capability.MONEY_SEND);
        InvoiceView invoice = invoices.get(id);
        Contact client = em.find(Contact.class, invoice.contactId());
        Tenant business = em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
        return wording.render("reminder_email".equals(kind) ? "reminder_email" : "invoice_email", templateId, values(client, business,
                invoice.number(), MoneyText.format(invoice.amountDue(), invoice.currency()),
                DATE.format(invoice.dueDate()), "(the client's link)", message));
    }

    /** The templates a sender picks from ("invoice_email" or "reminder_email"), the default marked. */
    public List<Wording.Template> templates(String kind) {
        access.require(Capability.MONEY_SEND);
        return wording.templates("reminder_email".equals(kind) ? "reminder_email" : "invoice_email");
    }

    /** The placeholders of an e-mail's wording. */
    public static Map<String, String> values(Contact client, Tenant business, String number, String amount, String date,
                                                       String link, String note) {
        Map<String, String> values = new HashMap<>();
        values.put("client_name", client == null ? "" : client.getDisplayName());
        values.put("business_name", business.getName());
        values.put("number", number);
        values.put("amount", amount);
        values.put("date", date);
        values.put("link", link);
        values.put("message", note);
        return values;
    }
}
