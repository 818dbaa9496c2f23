package com.smbhub.platform.mail;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.TenantInterceptor;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of the e-mails a business sends (invoice, quote, reminder): the shipped text or the
 * business's own, with {placeholders} filled in when sending. Owners and admins change it.
 */
@Stateless
@Interceptors(TenantInterceptor.class)
public class Wording {

    /** One e-mail's wording. */
    public record Text(String name, String subject, String body, boolean custom) implements java.io.Serializable {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    static final Set<String> PLACEHOLDERS = Set.of("client_name", "business_name", "number", "amount", "date", "link", "message");

    /** The shipped wording; {message} is the sender's optional line (with a blank line after it when given). */
    static final Map<String, Text> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("invoice_email", new Text("invoice_email", "Invoice {number} from {business_name}",
                "Hello {client_name},\n\n{message}{business_name} sent you invoice {number} for {amount}, due {date}.\n\n"
                        + "See it and download the PDF here:\n{link}\n\nThe invoice is attached as a PDF.\n\n{business_name}\n",
                false));
        DEFAULTS.put("quote_email", new Text("quote_email", "Quote {number} from {business_name}",
                "Hello {client_name},\n\n{message}{business_name} sent you quote {number} for {amount}, valid until {date}.\n\n"
                        + "See it, and approve or decline it, here:\n{link}\n\nThe quote is attached as a PDF.\n\n{business_name}\n",
                false));
        DEFAULTS.put("reminder_email", new Text("reminder_email", "Reminder: invoice {number} from {business_name}",
                "Hello {client_name},\n\n{message}A friendly reminder: invoice {number} from {business_name} (due {date})"
                        + " has {amount} still unpaid.\n\nSee it and pay here:\n{link}\n\nIf you have already paid, thank you,"
                        + " and please ignore this message.\n\n{business_name}\n", false));
    }

    @PersistenceContext(unitName = "smbhub")
    EntityManager em;

    @EJB
    Access access;

    @EJB
    AuditService audit;

    public List<Text> all() {
        access.require(Capability.MANAGE_SETTINGS);
        return DEFAULTS.keySet().stream().map(this::current).toList();
    }

    /** Saves the business's wording of one e-mail; {link} must stay in the body. */
    public Text save(String name, String subject, String body) {
        access.require(Capability.MANAGE_SETTINGS);
        if (!DEFAULTS.containsKey(name)) {
            throw new ValidationException("name", "One of " + String.join(", ", DEFAULTS.keySet()));
        }
        List<FieldError> errors = new ArrayList<>();
        String s = subject == null ? "" : subject.trim();
        String b = body == null ? "" : body.replace("\r\n", "\n");
        if (s.isEmpty() || s.length() > 200 || s.contains("\n")) {
            errors.add(new FieldError("subject", "Required, one line of at most 200 characters"));
        }
        if (b.isBlank() || b.length() > 5000) {
            errors.add(new FieldError("body", "Required, at most 5,000 characters"));
        } else if (!b.contains("{link}")) {
            errors.add(new FieldError("body", "Keep {link}: it is how the client opens the document"));
        }
        for (String[] part : new String[][] {{"subject", s}, {"body", b}}) {
            Matcher m = PLACEHOLDER.matcher(part[1]);
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    errors.add(new FieldError(part[0], "Unknown placeholder {" + m.group(1) + "}; use "
                            + String.join(", ", PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList())));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        MessageTemplate stored = stored(name);
        if (stored == null) {
            stored = new MessageTemplate(name);
            em.persist(stored);
        }
        stored.setContent(s + "\n" + b);
        em.flush();
        audit.record("tenant.wording_changed", "template", name, null, Map.of("subject", s));
        return current(name);
    }

    /** Back to the shipped wording. */
    public Text reset(String name) {
        access.require(Capability.MANAGE_SETTINGS);
        if (!DEFAULTS.containsKey(name)) {
            throw new ValidationException("name", "One of " + String.join(", ", DEFAULTS.keySet()));
        }
        MessageTemplate stored = stored(name);
        if (stored != null) {
            em.remove(stored);
            em.flush();
            audit.record("tenant.wording_reset", "template", name, null, Map.of());
        }
        return DEFAULTS.get(name);
    }

    /** The e-mail to send, with the values filled in (any sender may call this). */
    public Text render(String name, Map<String, String> values) {
        Text text = current(name);
        return new Text(name, fill(text.subject(), values).replace("\n", " "), fill(text.body(), values), text.custom());
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = key.equals("message")
                    ? (values.get("message") == null || values.get("message").isBlank() ? "" : values.get("message") + "\n\n")
                    : values.getOrDefault(key, m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Text current(String name) {
        MessageTemplate stored = stored(name);
        if (stored == null || stored.getContent() == null) {
            return DEFAULTS.get(name);
        }
        int cut = stored.getContent().indexOf('\n');
        return new Text(name, stored.getContent().substring(0, Math.max(cut, 0)), stored.getContent().substring(cut + 1), true);
    }

    private MessageTemplate stored(String name) {
        return em.createQuery("select t from MessageTemplate t where t.type = 'MESSAGE' and t.name = :n and t.deletedAt is null",
                MessageTemplate.class).setParameter("n", name).getResultStream().findFirst().orElse(null);
    }
}
