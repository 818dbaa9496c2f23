package com.smbhub.money;

import com.smbhub.contact.Contact;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.mail.Wording;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A money document to its client by e-mail: who it goes to and the personal line (checked together
 * with the document's own refusals), the business's wording with a fresh client link, the PDF
 * attached. The caller changes the document only after this returned (the mail server took it).
 */
@Stateless
@TenantScoped
public class DocumentMail {

    /** What a letter says of its document: the wording to use, the number, the amount and the date it names. */
    public record Letter(String template, String number, String amount, LocalDate date) {
    }

    /** The address it goes to and the sender's personal line (or null). */
    public record Addressed(String address, String note) {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Mailer mailer;

    @EJB Wording wording;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    /** {@code to}, else the client's e-mail, and the personal line; every refusal (also those in {@code errors}) at once. */
    public Addressed address(String contactId, String to, String message, List<FieldError> errors) {
        Contact client = client(contactId);
        String address = Mailer.recipient(to, client == null ? null : client.getEmail(), errors);
        String note = Mailer.note(message, errors);
        ValidationException.throwIfAny(errors);
        return new Addressed(address, note);
    }

    /**
     * Sends the letter with a link to {@code linkPath} (made for this address) and the attachment
     * (or none); {@code subject} may change the rendered subject; {@code once}, when not null, names this message
     * for good and makes its Message-ID (as {@link Mailer#send}). A refusal is a ProviderException.
     */
    public void send(String kind, String documentId, String contactId, Letter letter, String templateId, Addressed to,
                     String linkPath, Mailer.Attachment attachment, UnaryOperator<String> subject, String once) {
        Tenant business = business();
        Wording.Text mail = wording.render(letter.template(), templateId, values(client(contactId), business, letter,
                publicUrl.replaceAll("/+$", "") + linkPath, to.note()));
        mailer.send(kind, documentId, business.getName(), to.address(), subject.apply(mail.subject()), mail.body(),
                attachment == null ? List.of() : List.of(attachment),
                once == null ? null : once + "@" + Optional.ofNullable(URI.create(publicUrl).getHost()).orElse("smbhub"));
    }

    /** What the client will read; the link is made when sending. */
    public Wording.Text preview(String contactId, Letter letter, String templateId, String message) {
        return wording.render(letter.template(), templateId, values(client(contactId), business(), letter,
                "(the client's link)", message));
    }

    public List<Wording.Template> templates(String template) {
        return wording.templates(template);
    }

    private Contact client(String contactId) {
        return contactId == null ? null : em.find(Contact.class, contactId);
    }

    private Tenant business() {
        return em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
    }

    /** The placeholders of a letter's wording. */
    private static Map<String, String> values(Contact client, Tenant business, Letter letter, String link, String note) {
        Map<String, String> values = new HashMap<>();
        values.put("client_name", client == null ? "" : client.getDisplayName());
        values.put("business_name", business.getName());
        values.put("number", letter.number());
        values.put("amount", letter.amount());
        values.put("date", DocumentPdf.date(letter.date(), business.getCountry()));
        values.put("link", link);
        values.put("message", note);
        return values;
    }
}
