package com.smbhub.platform.mail;

import com.smbhub.platform.Ids;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.profile.ProfileService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of the e-mails a business sends (invoice, quote, reminder, receipt): the shipped text or the
 * business's own, with {placeholders} filled in when sending. Besides that, a business keeps named
 * templates of its own for each kind; the profile's {@code templates} names each kind's default
 * (Settings → Business), and a sender may pick another. Owners and admins change them.
 */
@Stateless
@TenantScoped
public class Wording {

    /** One e-mail's wording. */
    public record Text(String name, String subject, String body, boolean custom) implements Serializable {
    }

    /**
     * A template to send with: a shipped e-mail (id {@code tpl_…}, in the business's wording when it
     * changed it) or one of the business's own (a uuid, with the version an edit is based on).
     */
    public record Template(String id, String kind, String name, String subject, String body, boolean shipped,
                           boolean isDefault, long version) implements Serializable {
    }

    /** Each kind's shipped template id (as in config/profiles/base.json) and its key under the profile's templates. */
    static final Map<String, String> SHIPPED_IDS = Map.of("invoice_email", "tpl_invoice_default_v1",
            "quote_email", "tpl_quote_default_v1", "reminder_email", "tpl_msg_paylink_v1",
            "receipt_email", "tpl_receipt_default_v1");
    public static final Map<String, String> PROFILE_KEYS = Map.of("invoice_email", "invoice_default_template_id",
            "quote_email", "quote_default_template_id", "reminder_email", "message_payment_link_template_id",
            "receipt_email", "receipt_default_template_id");
    static final Map<String, String> SHIPPED_NAMES = Map.of("invoice_email", "Standard invoice e-mail",
            "quote_email", "Standard quote e-mail", "reminder_email", "Standard payment reminder",
            "receipt_email", "Standard payment receipt");
    /** Each kind's title, as Settings shows it. */
    public static final Map<String, String> TITLES = Map.of("invoice_email", "Invoice e-mail", "quote_email", "Quote e-mail",
            "reminder_email", "Payment reminder", "receipt_email", "Payment receipt");

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
        DEFAULTS.put("receipt_email", new Text("receipt_email", "Receipt: your payment for invoice {number}",
                "Hello {client_name},\n\n{message}Thank you: {business_name} received your payment of {amount} for invoice"
                        + " {number} on {date}.\n\nSee the invoice and your payments here:\n{link}\n\nThe invoice is attached"
                        + " as a PDF.\n\n{business_name}\n", false));
    }

    /** The kinds of e-mail, in the order Settings lists them. */
    public static List<String> kinds() {
        return List.copyOf(DEFAULTS.keySet());
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

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
        String content = content(subject, body, errors);
        ValidationException.throwIfAny(errors);
        MessageTemplate stored = stored(name);
        if (stored == null) {
            stored = new MessageTemplate(name, name);
            em.persist(stored);
        }
        stored.setContent(content);
        em.flush();
        audit.record("tenant.wording_changed", "template", name, null, Map.of("subject", content.substring(0, content.indexOf('\n'))));
        return current(name);
    }

    /** "subject\nbody" when both are fine, else the errors at "subject" and "body". */
    private static String content(String subject, String body, List<FieldError> errors) {
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
        return s + "\n" + b;
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

    /**
     * The e-mail to send, with the values filled in (any sender may call this): the template the
     * sender picked ({@code templateId}), else the kind's default; a pick that is not one of this
     * business's templates of that kind is an error at "template_id".
     */
    public Text render(String kind, String templateId, Map<String, String> values) {
        Text text = text(kind, templateId);
        return new Text(kind, fill(text.subject(), values).replace("\n", " "), fill(text.body(), values), text.custom());
    }

    /** The templates of one kind (or of all kinds, for null) to pick from, the default of each marked. */
    public List<Template> templates(String kind) {
        if (kind != null && !DEFAULTS.containsKey(kind)) {
            throw new ValidationException("kind", "One of " + String.join(", ", DEFAULTS.keySet()));
        }
        Map<String, String> defaults = defaults();
        List<Template> all = new ArrayList<>();
        for (String k : DEFAULTS.keySet()) {
            if (kind == null || kind.equals(k)) {
                Text shipped = current(k);
                String id = SHIPPED_IDS.get(k);
                all.add(new Template(id, k, SHIPPED_NAMES.get(k), shipped.subject(), shipped.body(), true, id.equals(defaults.get(k)), 0));
                own(k).forEach(t -> all.add(template(t, defaults)));
            }
        }
        return all;
    }

    /** A business's own template of a kind, with a name of its own (unique within the kind). */
    public Template create(String kind, String name, String subject, String body) {
        access.require(Capability.MANAGE_SETTINGS);
        List<FieldError> errors = new ArrayList<>();
        if (kind == null || !DEFAULTS.containsKey(kind)) {
            errors.add(new FieldError("kind", "One of " + String.join(", ", DEFAULTS.keySet())));
        }
        String cleanName = name(kind, name, null, errors);
        String content = content(subject, body, errors);
        ValidationException.throwIfAny(errors);
        MessageTemplate template = new MessageTemplate(kind, cleanName);
        template.setContent(content);
        em.persist(template);
        em.flush();
        audit.record("template.created", "template", template.getId(), null, Map.of("kind", kind, "name", cleanName));
        return template(template, defaults());
    }

    /** One of the business's own templates (not a standard one). */
    public Template get(String id) {
        return template(ownTemplate(id), defaults());
    }

    public Template update(String id, Long expectedVersion, String name, String subject, String body) {
        access.require(Capability.MANAGE_SETTINGS);
        MessageTemplate template = ownTemplate(id);
        ConflictException.checkVersion(template.getVersion(), expectedVersion,
                "Someone changed this template since you opened it", () -> template(template, defaults()));
        List<FieldError> errors = new ArrayList<>();
        String cleanName = name(template.getKind(), name, template.getId(), errors);
        String content = content(subject, body, errors);
        ValidationException.throwIfAny(errors);
        Map<String, Object> before = Map.of("name", template.getName(), "content", template.getContent());
        template.setName(cleanName);
        template.setContent(content);
        em.flush();
        audit.record("template.changed", "template", template.getId(), before, Map.of("name", cleanName, "content", content));
        return template(template, defaults());
    }

    /** Deletes one of the business's own templates; when it was its kind's default, the shipped one is again. */
    public void delete(String id) {
        access.require(Capability.MANAGE_SETTINGS);
        MessageTemplate template = ownTemplate(id);
        if (template.getId().equals(defaults().get(template.getKind()))) {
            profiles.patchOverrides("{\"templates\":{\"" + PROFILE_KEYS.get(template.getKind()) + "\":null}}");
        }
        template.setDeletedAt(Instant.now());
        em.flush();
        audit.record("template.deleted", "template", template.getId(), Map.of("kind", template.getKind(), "name",
                template.getName()), null);
    }

    /** Each kind's default template id (from the effective profile; the shipped one when it names none that exists). */
    public Map<String, String> defaults() {
        var profile = profiles.effective();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String kind : DEFAULTS.keySet()) {
            String id = profile.template(PROFILE_KEYS.get(kind));
            defaults.put(kind, id != null && (id.equals(SHIPPED_IDS.get(kind)) || find(kind, id) != null) ? id : SHIPPED_IDS.get(kind));
        }
        return defaults;
    }

    /** {@code id} while it is one of this business's templates of the kind (not deleted since it was chosen), else null. */
    public String existing(String kind, String id) {
        return id != null && problem(kind, id) == null ? id : null;
    }

    /** Null when {@code id} is one of this business's templates of the kind, else what is wrong. */
    public String problem(String kind, String id) {
        if (!DEFAULTS.containsKey(kind)) {
            return "One of " + String.join(", ", DEFAULTS.keySet());
        }
        return id != null && (id.equals(SHIPPED_IDS.get(kind)) || find(kind, id) != null) ? null
                : "Not one of your " + SHIPPED_NAMES.get(kind).replace("Standard ", "") + " templates";
    }

    private Text text(String kind, String templateId) {
        if (!DEFAULTS.containsKey(kind)) {
            throw new IllegalArgumentException("no e-mail " + kind);
        }
        String problem = templateId == null ? null : problem(kind, templateId);
        if (problem != null) {
            throw new ValidationException("template_id", problem);
        }
        String id = templateId != null ? templateId : defaults().get(kind);
        MessageTemplate own = id.equals(SHIPPED_IDS.get(kind)) ? null : find(kind, id);
        if (own == null) {
            return current(kind);
        }
        Template t = template(own, Map.of());
        return new Text(kind, t.subject(), t.body(), true);
    }

    private String name(String kind, String name, String self, List<FieldError> errors) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 80 || n.chars().anyMatch(c -> c < 0x20)) {
            errors.add(new FieldError("name", "Required, at most 80 characters on one line"));
        } else if (kind != null && (DEFAULTS.containsKey(n) || n.equalsIgnoreCase(SHIPPED_NAMES.getOrDefault(kind, "")))) {
            errors.add(new FieldError("name", "That is the standard e-mail's name; choose another"));
        } else if (kind != null && own(kind).stream().anyMatch(t -> t.getName().equalsIgnoreCase(n) && !t.getId().equals(self))) {
            errors.add(new FieldError("name", "You already have a template called " + n));
        }
        return n;
    }

    private static Template template(MessageTemplate t, Map<String, String> defaults) {
        int cut = t.getContent().indexOf('\n');
        return new Template(t.getId(), t.getKind(), t.getName(), t.getContent().substring(0, Math.max(cut, 0)),
                t.getContent().substring(cut + 1), false, t.getId().equals(defaults.get(t.getKind())), t.getVersion());
    }

    private List<MessageTemplate> own(String kind) {
        return em.createQuery("select t from MessageTemplate t where t.type = 'MESSAGE' and t.kind = :k and t.name <> :k"
                        + " and t.deletedAt is null order by lower(t.name)", MessageTemplate.class)
                .setParameter("k", kind).getResultList();
    }

    private MessageTemplate find(String kind, String id) {
        if (!Ids.isId(id)) {
            return null;
        }
        MessageTemplate t = em.find(MessageTemplate.class, id);
        return t != null && t.getDeletedAt() == null && kind.equals(t.getKind()) && !kind.equals(t.getName()) ? t : null;
    }

    private MessageTemplate ownTemplate(String id) {
        MessageTemplate t = Ids.isId(id) ? em.find(MessageTemplate.class, id) : null;
        if (t == null || t.getDeletedAt() != null || t.getKind() == null || t.getKind().equals(t.getName())
                || !DEFAULTS.containsKey(t.getKind())) {
            throw new NotFoundException("template");
        }
        return t;
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
