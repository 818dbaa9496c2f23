package com.smbhub.sample;

import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.money.DocumentDraft;
import com.smbhub.money.Drafts;
import com.smbhub.money.LineItem;
import com.smbhub.money.TaxCode;
import com.smbhub.money.Totals;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.quote.QuoteStatus;
import com.smbhub.workitem.WorkItemStatus;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a business "in its third month" (issue 13): 30 clients, 40 requests or orders in every status
 * and with every member, quotes and invoices in every state with their payments and the history a
 * timeline shows, all dated back from today and recorded in {@code sample_records} so they can be told
 * apart and removed. The same book for every profile, in its own words. Writes no analytics events
 * (sample work is not the business's activation) and sends nothing.
 */
final class SampleBook {

    /** What one fill made. */
    record Counts(int contacts, int workItems, int quotes, int invoices, int payments) {
    }

    private static final String[][] PEOPLE = {
            {"Olivia", "Martin"}, {"Liam", "Nguyen"}, {"Emma", "Tremblay"}, {"Noah", "Roy"}, {"Ava", "Gagnon"},
            {"Lucas", "Wong"}, {"Mia", "Singh"}, {"Ethan", "Côté"}, {"Sophia", "Brown"}, {"Jacob", "Wilson"},
            {"Chloé", "Bouchard"}, {"Benjamin", "Lee"}, {"Amelia", "Patel"}, {"William", "Morin"}, {"Zoe", "Campbell"},
            {"James", "Anderson"}, {"Isla", "Chen"}, {"Logan", "Taylor"}, {"Hannah", "Kaur"}, {"Owen", "MacDonald"},
            {"Ella", "Fortin"}, {"Jack", "Thompson"}, {"Grace", "Kim"}, {"Leo", "Lavoie"}, {"Aria", "Scott"},
            {"Henry", "Ali"}, {"Lily", "Young"}, {"Samuel", "Pelletier"}, {"Nora", "Hughes"}, {"Daniel", "Park"}};

    /** A local-looking phone number where the business's zone names a North American city (555-01xx numbers are fictional). */
    private static final Map<String, String> AREA_CODES = Map.of("America/Toronto", "416", "America/Vancouver", "604",
            "America/Edmonton", "780", "America/Winnipeg", "204", "America/Halifax", "902", "America/New_York", "212",
            "America/Chicago", "312", "America/Denver", "303", "America/Los_Angeles", "213");

    private static final String[] COMPANIES = {"Harbourview Property Mgmt", "Elm Street Café", "Northgate Dental", "Crescent Condos"};

    /** Oldest to newest: the older work is finished, the newest is new. */
    private static final WorkItemStatus[] WORK_STATUSES = {
            WorkItemStatus.DONE, WorkItemStatus.DONE, WorkItemStatus.DONE, WorkItemStatus.CANCELED,
            WorkItemStatus.DONE, WorkItemStatus.DONE, WorkItemStatus.DONE, WorkItemStatus.DONE,
            WorkItemStatus.DONE, WorkItemStatus.CANCELED, WorkItemStatus.DONE, WorkItemStatus.DONE,
            WorkItemStatus.DONE, WorkItemStatus.WAITING, WorkItemStatus.DONE, WorkItemStatus.IN_PROGRESS,
            WorkItemStatus.CANCELED, WorkItemStatus.WAITING, WorkItemStatus.NEEDS_APPROVAL, WorkItemStatus.IN_PROGRESS,
            WorkItemStatus.IN_PROGRESS, WorkItemStatus.WAITING, WorkItemStatus.IN_PROGRESS, WorkItemStatus.NEEDS_APPROVAL,
            WorkItemStatus.IN_PROGRESS, WorkItemStatus.WAITING, WorkItemStatus.IN_PROGRESS, WorkItemStatus.NEEDS_APPROVAL,
            WorkItemStatus.IN_PROGRESS, WorkItemStatus.WAITING, WorkItemStatus.IN_PROGRESS, WorkItemStatus.IN_PROGRESS,
            WorkItemStatus.NEW, WorkItemStatus.NEW, WorkItemStatus.NEW, WorkItemStatus.NEW,
            WorkItemStatus.NEW, WorkItemStatus.NEW, WorkItemStatus.NEW, WorkItemStatus.NEW};

    private static final String[] PRIORITIES = {"NORMAL", "NORMAL", "HIGH", "NORMAL", "LOW", "NORMAL", "URGENT", "NORMAL", "HIGH"};

    /** Days from today an open item is due (null: no due date); some are overdue. */
    private static final Integer[] DUE = {-3, 1, null, -1, 0, 2, 5, null, 7, -6, 3};

    /** One invoice: its state, days since issue, days it was due after issue, payments (share of total, days ago, method). */
    private record InvoicePlan(InvoiceStatus status, int issuedAgo, int terms, List<PaymentPlan> payments) {
    }

    private record PaymentPlan(String share, int daysAgo, String provider) {
    }

    private static final List<InvoicePlan> INVOICES = List.of(
            new InvoicePlan(InvoiceStatus.PAID, 80, 14, List.of(new PaymentPlan("1", 75, "STRIPE"))),
            new InvoicePlan(InvoiceStatus.PAID, 72, 14, List.of(new PaymentPlan("1", 70, "BANK"))),
            new InvoicePlan(InvoiceStatus.PAID, 65, 30, List.of(new PaymentPlan("1", 50, "CASH"))),
            new InvoicePlan(InvoiceStatus.PAID, 55, 14, List.of(new PaymentPlan("1", 40, "STRIPE"))),
            new InvoicePlan(InvoiceStatus.VOID, 45, 14, List.of()),
            new InvoicePlan(InvoiceStatus.PAID, 40, 14, List.of(new PaymentPlan("0.5", 35, "BANK"), new PaymentPlan("rest", 33, "STRIPE"))),
            new InvoicePlan(InvoiceStatus.PARTIALLY_PAID, 50, 14, List.of(new PaymentPlan("0.4", 38, "BANK"))),
            new InvoicePlan(InvoiceStatus.SENT, 44, 14, List.of()),
            new InvoicePlan(InvoiceStatus.SENT, 35, 14, List.of()),
            new InvoicePlan(InvoiceStatus.PAID, 30, 14, List.of(new PaymentPlan("1", 20, "STRIPE"))),
            new InvoicePlan(InvoiceStatus.SENT, 25, 14, List.of()),
            new InvoicePlan(InvoiceStatus.PARTIALLY_PAID, 12, 14, List.of(new PaymentPlan("0.3", 5, "CASH"))),
            new InvoicePlan(InvoiceStatus.SENT, 10, 14, List.of()),
            new InvoicePlan(InvoiceStatus.PAID, 8, 14, List.of(new PaymentPlan("1", 0, "STRIPE"))),
            new InvoicePlan(InvoiceStatus.SENT, 6, 14, List.of()),
            new InvoicePlan(InvoiceStatus.SENT, 2, 14, List.of()),
            new InvoicePlan(InvoiceStatus.DRAFT, 1, 14, List.of()),
            new InvoicePlan(InvoiceStatus.DRAFT, 0, 14, List.of()));

    /** One quote: its state, days since issue, days valid, days ago decided, the invoice it became (index in INVOICES). */
    private record QuotePlan(QuoteStatus status, int issuedAgo, int validFor, int decidedAgo, int invoice) {
    }

    private static final List<QuotePlan> QUOTES = List.of(
            new QuotePlan(QuoteStatus.CONVERTED, 82, 30, 81, 0),
            new QuotePlan(QuoteStatus.CONVERTED, 60, 30, 56, 3),
            new QuotePlan(QuoteStatus.REJECTED, 30, 30, 26, -1),
            new QuotePlan(QuoteStatus.SENT, 50, 30, -1, -1),
            new QuotePlan(QuoteStatus.APPROVED, 9, 30, 7, -1),
            new QuotePlan(QuoteStatus.SENT, 5, 30, -1, -1),
            new QuotePlan(QuoteStatus.SENT, 3, 30, -1, -1),
            new QuotePlan(QuoteStatus.DRAFT, 0, 30, -1, -1));

    private final EntityManager em;
    private final String tenant;
    private final Words words;
    private final ZoneId zone;
    private final String currency;
    private final Instant now;
    private final LocalDate today;
    private final List<String> members;
    private final Map<String, TaxCode> taxes;
    private final String taxCode;
    private final long firstInvoice;
    private final long firstQuote;
    private final List<String> contacts = new ArrayList<>();
    private final List<String> contactEmails = new ArrayList<>();
    private final List<String> items = new ArrayList<>();
    private final List<String> itemContacts = new ArrayList<>();
    private int payments;

    private SampleBook(EntityManager em, String tenant, Instant now) {
        this.em = em;
        this.tenant = tenant;
        Object[] business = (Object[]) NativeSql.query(em, "select profile_id, timezone, currency from tenants where id = cast(?1 as uuid)")
                .setParameter(1, tenant).getSingleResult();
        this.words = Words.of((String) business[0]);
        this.zone = ZoneId.of((String) business[1]);
        this.currency = ((String) business[2]).trim();
        this.now = now;
        this.today = LocalDate.ofInstant(now, zone);
        this.members = NativeSql.query(em, "select cast(user_id as text) from tenant_members where tenant_id = cast(?1 as uuid)"
                        + " and deleted_at is null and status = 'ACTIVE' and role in ('OWNER', 'ADMIN', 'STAFF', 'AGENT')"
                        + " order by case role when 'OWNER' then 0 when 'ADMIN' then 1 when 'STAFF' then 2 else 3 end, created_at")
                .setParameter(1, tenant).getResultStream().map(Object::toString).toList();
        this.taxes = new LinkedHashMap<>();
        for (Object row : NativeSql.query(em, "select code, name, rate_percent from tax_codes where tenant_id = cast(?1 as uuid)"
                + " and deleted_at is null order by code").setParameter(1, tenant).getResultList()) {
            Object[] r = (Object[]) row;
            taxes.put((String) r[0], new TaxCode((String) r[0], (String) r[1], (BigDecimal) r[2]));
        }
        this.taxCode = taxes.isEmpty() ? null : taxes.keySet().iterator().next();
        this.firstInvoice = firstNumber(em, tenant, "invoices", "invoice_number", "SAMPLE-INV-");
        this.firstQuote = firstNumber(em, tenant, "quotes", "quote_number", "SAMPLE-Q-");
    }

    /** After the sample numbers still in use (a sample document the business's own work kept through a removal). */
    private static long firstNumber(EntityManager em, String tenant, String table, String column, String prefix) {
        return ((Number) NativeSql.query(em, "select coalesce(max(cast(substring(" + column + " from " + (prefix.length() + 1)
                        + ") as bigint)), 1000) + 1 from " + table + " where tenant_id = cast(?1 as uuid) and " + column + " like ?2"
                        + " and substring(" + column + " from " + (prefix.length() + 1) + ") ~ '^[0-9]{1,12}$'")
                .setParameter(1, tenant).setParameter(2, prefix + "%").getSingleResult()).longValue();
    }

    /** Whether this business has sample records now. */
    static boolean present(EntityManager em, String tenant) {
        return !NativeSql.query(em, "select 1 from sample_records where tenant_id = cast(?1 as uuid) limit 1")
                .setParameter(1, tenant).getResultList().isEmpty();
    }

    /** Fills the business with the book, dated back from {@code now}. */
    static Counts fill(EntityManager em, String tenant, Instant now) {
        return new SampleBook(em, tenant, now).write();
    }

    /**
     * Deletes what the book made, except rows the business's own work now refers to (its own payment on a
     * sample invoice, its own invoice for a sample client, a file it attached): those stay and become its own.
     */
    static Counts remove(EntityManager em, String tenant) {
        int payments = delete(em, tenant, "payment", "payments", "");
        NativeSql.query(em, "update quotes q set converted_invoice_id = null from sample_records s where s.tenant_id = cast(?1 as uuid)"
                + " and s.entity_type = 'quote' and s.entity_id = q.id").setParameter(1, tenant).executeUpdate();
        int invoices = delete(em, tenant, "invoice", "invoices", " and not exists (select 1 from payments p where p.invoice_id = x.id)"
                + " and not exists (select 1 from quotes q where q.converted_invoice_id = x.id)" + files("INVOICE"));
        int quotes = delete(em, tenant, "quote", "quotes", " and not exists (select 1 from invoices i where i.quote_id = x.id)"
                + files("QUOTE"));
        int workItems = delete(em, tenant, "work_item", "work_items", " and not exists (select 1 from invoices i where i.work_item_id = x.id)"
                + " and not exists (select 1 from quotes q where q.work_item_id = x.id)" + files("WORK_ITEM"));
        int contacts = delete(em, tenant, "contact", "contacts", " and not exists (select 1 from work_items w where w.contact_id = x.id)"
                + " and not exists (select 1 from invoices i where i.contact_id = x.id)"
                + " and not exists (select 1 from quotes q where q.contact_id = x.id)"
                + " and not exists (select 1 from conversations c where c.contact_id = x.id)"
                + " and not exists (select 1 from expenses e where e.vendor_contact_id = x.id)" + files("CONTACT"));
        NativeSql.query(em, "delete from portal_tokens t where t.tenant_id = cast(?1 as uuid)"
                + " and not exists (select 1 from invoices i where i.id = t.document_id)"
                + " and not exists (select 1 from quotes q where q.id = t.document_id)").setParameter(1, tenant).executeUpdate();
        NativeSql.query(em, "delete from notifications n where n.tenant_id = cast(?1 as uuid) and n.entity_type = 'quote'"
                + " and not exists (select 1 from quotes q where cast(q.id as text) = n.entity_id)").setParameter(1, tenant).executeUpdate();
        NativeSql.query(em, "delete from sample_records where tenant_id = cast(?1 as uuid)").setParameter(1, tenant).executeUpdate();
        return new Counts(contacts, workItems, quotes, invoices, payments);
    }

    private static int delete(EntityManager em, String tenant, String type, String table, String unlessUsed) {
        return NativeSql.query(em, "delete from " + table + " x using sample_records s where s.tenant_id = cast(?1 as uuid)"
                + " and s.entity_type = '" + type + "' and s.entity_id = x.id and x.tenant_id = s.tenant_id" + unlessUsed)
                .setParameter(1, tenant).executeUpdate();
    }

    private static String files(String linkedType) {
        return " and not exists (select 1 from files f where f.linked_entity_type = '" + linkedType + "' and f.linked_entity_id = x.id)";
    }

    private Counts write() {
        for (int i = 0; i < PEOPLE.length; i++) {
            contact(i);
        }
        for (int i = 0; i < WORK_STATUSES.length; i++) {
            workItem(i);
        }
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < INVOICES.size(); i++) {
            invoices.add(invoice(i, INVOICES.get(i)));
        }
        for (int i = 0; i < QUOTES.size(); i++) {
            quote(i, QUOTES.get(i), invoices);
        }
        return new Counts(contacts.size(), items.size(), QUOTES.size(), invoices.size(), payments);
    }

    private void contact(int i) {
        String first = PEOPLE[i][0];
        String last = PEOPLE[i][1];
        String id = UUID.randomUUID().toString();
        String email = ascii(first + "." + last).toLowerCase() + "@example.com";
        String company = i % 8 == 3 ? COMPANIES[(i / 8) % COMPANIES.length] : null;
        Instant created = daysAgo(88 - i * 88 / PEOPLE.length, 10 + i % 7);
        NativeSql.query(em, "insert into contacts (id, tenant_id, type, display_name, company_name, email, phone, city, tags, notes,"
                        + " created_at, updated_at, created_by) values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, ?5, ?6, ?7, ?8,"
                        + " string_to_array(?9, ','), ?10, ?11, ?11, ?12)")
                .setParameter(1, id).setParameter(2, tenant).setParameter(3, i % 10 == 9 ? "LEAD" : "CUSTOMER")
                .setParameter(4, first + " " + last).setParameter(5, company).setParameter(6, email)
                .setParameter(7, AREA_CODES.containsKey(zone.getId()) ? String.format("+1%s55501%02d", AREA_CODES.get(zone.getId()), i) : null)
                .setParameter(8, zone.getId().contains("/") ? zone.getId().substring(zone.getId().lastIndexOf('/') + 1).replace('_', ' ') : null)
                .setParameter(9, i % 5 == 0 ? "repeat" : i % 8 == 3 ? "commercial" : "")
                .setParameter(10, i % 6 == 0 ? words.contactNote : null).setParameter(11, ts(created)).setParameter(12, member(i))
                .executeUpdate();
        contacts.add(id);
        contactEmails.add(email);
        track("contact", id, created);
    }

    private void workItem(int i) {
        WorkItemStatus status = WORK_STATUSES[i];
        String id = UUID.randomUUID().toString();
        int ageDays = Math.round(86f * (WORK_STATUSES.length - 1 - i) / (WORK_STATUSES.length - 1));
        int known = Math.min(PEOPLE.length, 1 + (88 - ageDays) * PEOPLE.length / 88); // clients added by then
        int contact = (i * 7) % known;
        Instant created = daysAgo(ageDays, 8 + i % 9);
        boolean open = WorkItemStatus.OPEN.contains(status);
        Integer due = open ? DUE[i % DUE.length] : null;
        Instant dueAt = due == null ? null : today.plusDays(due).atTime(LocalTime.of(16, 0)).atZone(zone).toInstant();
        String assignee = status == WorkItemStatus.NEW && i % 3 == 0 ? null : member(i);
        String[] work = words.work[i % words.work.length];
        String last = PEOPLE[contact][1];
        NativeSql.query(em, "insert into work_items (id, tenant_id, type, title, description, status, priority, contact_id, due_at,"
                        + " assigned_to, source, labels_json, created_at, updated_at, created_by) values (cast(?1 as uuid),"
                        + " cast(?2 as uuid), ?3, ?4, ?5, ?6, ?7, cast(?8 as uuid), cast(?9 as timestamptz), cast(?10 as uuid), 'MANUAL',"
                        + " cast(?11 as jsonb), ?12, ?13, ?14)")
                .setParameter(1, id).setParameter(2, tenant).setParameter(3, work[0]).setParameter(4, work[1] + " (" + last + ")")
                .setParameter(5, work[2]).setParameter(6, status.name()).setParameter(7, PRIORITIES[i % PRIORITIES.length])
                .setParameter(8, contacts.get(contact)).setParameter(9, ts(dueAt)).setParameter(10, assignee)
                .setParameter(11, words.labels(work[0], i)).setParameter(12, ts(created))
                .setParameter(13, ts(status == WorkItemStatus.NEW ? created : moved(created, ageDays, 2)))
                .setParameter(14, member(i)).executeUpdate();
        items.add(id);
        itemContacts.add(contacts.get(contact));
        track("work_item", id, created);
        if (status != WorkItemStatus.NEW) {
            String actor = assignee == null ? member(0) : assignee;
            Instant started = moved(created, ageDays, 1);
            WorkItemStatus first = status == WorkItemStatus.CANCELED && i % 2 == 1 ? status : WorkItemStatus.IN_PROGRESS;
            audit(actor, "work_item.updated", "work_item", id, Map.of("status", WorkItemStatus.NEW, "version", "0"),
                    Map.of("status", first, "version", "1"), started);
            if (first != status) {
                audit(actor, "work_item.updated", "work_item", id, Map.of("status", first, "version", "1"),
                        Map.of("status", status, "version", "2"), moved(created, ageDays, 2));
            }
        }
    }

    private String invoice(int index, InvoicePlan plan) {
        int item = itemAged(plan.issuedAgo());
        String id = UUID.randomUUID().toString();
        LocalDate issued = today.minusDays(plan.issuedAgo());
        LocalDate due = issued.plusDays(plan.terms());
        DocumentDraft draft = draft(itemContacts.get(item), items.get(item), issued, due, index);
        Totals.Result totals = Totals.compute(draft.lines(), taxes, draft.pricing(), draft.discount(), currency);
        Instant created = at(issued, 9 + index % 6);
        boolean sent = plan.status() != InvoiceStatus.DRAFT;
        Instant sentAt = sent ? created.plus(Duration.ofMinutes(40)) : null;
        Instant viewedAt = sent && plan.status() != InvoiceStatus.VOID && index % 3 != 1 ? earlier(sentAt.plus(Duration.ofHours(5))) : null;
        BigDecimal paid = BigDecimal.ZERO;
        List<Object[]> paidRows = new ArrayList<>();
        for (PaymentPlan p : plan.payments()) {
            BigDecimal amount = p.share().equals("rest") ? totals.total().subtract(paid)
                    : totals.total().multiply(new BigDecimal(p.share())).setScale(Totals.scale(currency), RoundingMode.HALF_UP);
            paid = paid.add(amount);
            paidRows.add(new Object[] {amount, p.daysAgo() == 0 ? earlierToday() : daysAgo(p.daysAgo(), 14), p.provider()});
        }
        BigDecimal dueAmount = plan.status() == InvoiceStatus.VOID ? BigDecimal.ZERO : totals.total().subtract(paid);
        String actor = member(0);
        NativeSql.query(em, "insert into invoices (id, tenant_id, invoice_number, status, contact_id, work_item_id, issue_date, due_date,"
                        + " currency, subtotal, tax_total, discount_total, total, amount_paid, amount_due, notes, line_items, last_sent_at,"
                        + " created_at, updated_at, created_by, viewed_at) values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4,"
                        + " cast(?5 as uuid), cast(?6 as uuid), ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, cast(?17 as jsonb),"
                        + " cast(?18 as timestamptz), ?19, ?20, ?21, cast(?22 as timestamptz))")
                .setParameter(1, id).setParameter(2, tenant).setParameter(3, "SAMPLE-INV-" + (firstInvoice + index))
                .setParameter(4, plan.status().name()).setParameter(5, draft.contactId()).setParameter(6, draft.workItemId())
                .setParameter(7, Date.valueOf(issued)).setParameter(8, Date.valueOf(due)).setParameter(9, currency).setParameter(10, totals.subtotal())
                .setParameter(11, totals.taxTotal()).setParameter(12, totals.discountTotal()).setParameter(13, totals.total())
                .setParameter(14, paid).setParameter(15, dueAmount).setParameter(16, words.thanks).setParameter(17, Drafts.json(draft))
                .setParameter(18, ts(sentAt)).setParameter(19, ts(created))
                .setParameter(20, ts(paidRows.isEmpty() ? (sentAt == null ? created : sentAt) : (Instant) paidRows.get(paidRows.size() - 1)[1]))
                .setParameter(21, actor).setParameter(22, ts(viewedAt)).executeUpdate();
        track("invoice", id, created);
        if (sent) {
            audit(actor, "invoice.sent", "invoice", id, Map.of("status", InvoiceStatus.DRAFT),
                    Map.of("status", InvoiceStatus.SENT, "to", contactEmails.get(contacts.indexOf(draft.contactId()))), sentAt);
        }
        if (viewedAt != null) {
            audit(null, "invoice.viewed", "invoice", id, null, Map.of("source", "portal"), viewedAt);
        }
        BigDecimal running = BigDecimal.ZERO;
        for (Object[] row : paidRows) {
            BigDecimal amount = (BigDecimal) row[0];
            running = running.add(amount);
            String paymentId = payment(id, amount, (Instant) row[1], (String) row[2]);
            audit(actor, "payment.recorded", "invoice", id, Map.of("status", InvoiceStatus.SENT),
                    Map.of("status", running.compareTo(totals.total()) >= 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID, "payment_id", paymentId,
                            "amount", amount.toPlainString(), "provider", row[2]), (Instant) row[1]);
        }
        if (plan.status() == InvoiceStatus.VOID) {
            audit(actor, "invoice.voided", "invoice", id, Map.of("status", InvoiceStatus.SENT), Map.of("status", InvoiceStatus.VOID),
                    sentAt.plus(Duration.ofDays(1)));
        }
        return id;
    }

    private String payment(String invoice, BigDecimal amount, Instant paidAt, String provider) {
        String id = UUID.randomUUID().toString();
        NativeSql.query(em, "insert into payments (id, tenant_id, invoice_id, provider, provider_payment_id, status, amount, currency,"
                        + " paid_at, method_label, created_at, updated_at, created_by) values (cast(?1 as uuid), cast(?2 as uuid),"
                        + " cast(?3 as uuid), ?4, ?5, 'SUCCEEDED', ?6, ?7, ?8, ?9, ?8, ?8, ?10)")
                .setParameter(1, id).setParameter(2, tenant).setParameter(3, invoice).setParameter(4, provider)
                .setParameter(5, provider.equals("STRIPE") ? "pi_sample_" + id.replace("-", "").substring(0, 20) : null)
                .setParameter(6, amount).setParameter(7, currency).setParameter(8, ts(paidAt))
                .setParameter(9, switch (provider) {
                    case "STRIPE" -> "Visa •••• 4242";
                    case "BANK" -> "Bank transfer";
                    default -> "Cash";
                }).setParameter(10, member(0)).executeUpdate();
        payments++;
        track("payment", id, paidAt);
        return id;
    }

    private void quote(int index, QuotePlan plan, List<String> invoices) {
        String invoice = plan.invoice() < 0 ? null : invoices.get(plan.invoice());
        int item = itemAged(plan.issuedAgo());
        String contact = itemContacts.get(item);
        String workItem = items.get(item);
        if (invoice != null) {
            Object[] row = (Object[]) NativeSql.query(em, "select cast(contact_id as text), cast(work_item_id as text) from invoices"
                    + " where id = cast(?1 as uuid)").setParameter(1, invoice).getSingleResult();
            contact = (String) row[0];
            workItem = (String) row[1];
        }
        String id = UUID.randomUUID().toString();
        LocalDate issued = today.minusDays(plan.issuedAgo());
        DocumentDraft draft = draft(contact, workItem, issued, issued.plusDays(plan.validFor()),
                invoice == null ? index + 7 : plan.invoice()); // a converted quote has its invoice's lines
        Totals.Result totals = Totals.compute(draft.lines(), taxes, draft.pricing(), draft.discount(), currency);
        Instant created = at(issued, 8 + index % 5);
        Instant sentAt = plan.status() == QuoteStatus.DRAFT ? null : created.plus(Duration.ofMinutes(30));
        Instant decided = plan.decidedAgo() < 0 ? null : daysAgo(plan.decidedAgo(), 11);
        String actor = member(0);
        NativeSql.query(em, "insert into quotes (id, tenant_id, quote_number, status, contact_id, work_item_id, issue_date, expiry_date,"
                        + " currency, subtotal, tax_total, discount_total, total, notes, line_items, converted_invoice_id, last_sent_at,"
                        + " decided_at, decision_note, created_at, updated_at, created_by) values (cast(?1 as uuid), cast(?2 as uuid), ?3,"
                        + " ?4, cast(?5 as uuid), cast(?6 as uuid), ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, cast(?15 as jsonb),"
                        + " cast(?16 as uuid), cast(?17 as timestamptz), cast(?18 as timestamptz), ?19, ?20, ?21, ?22)")
                .setParameter(1, id).setParameter(2, tenant).setParameter(3, "SAMPLE-Q-" + (firstQuote + index))
                .setParameter(4, plan.status().name()).setParameter(5, contact).setParameter(6, workItem).setParameter(7, Date.valueOf(issued))
                .setParameter(8, Date.valueOf(draft.dueDate())).setParameter(9, currency).setParameter(10, totals.subtotal())
                .setParameter(11, totals.taxTotal()).setParameter(12, totals.discountTotal()).setParameter(13, totals.total())
                .setParameter(14, words.quoteNote).setParameter(15, Drafts.json(draft)).setParameter(16, invoice)
                .setParameter(17, ts(sentAt)).setParameter(18, ts(decided))
                .setParameter(19, plan.status() == QuoteStatus.REJECTED ? words.declined : null).setParameter(20, ts(created))
                .setParameter(21, ts(decided != null ? decided : sentAt != null ? sentAt : created)).setParameter(22, actor)
                .executeUpdate();
        track("quote", id, created);
        if (invoice != null) {
            NativeSql.query(em, "update invoices set quote_id = cast(?2 as uuid) where id = cast(?1 as uuid)")
                    .setParameter(1, invoice).setParameter(2, id).executeUpdate();
        }
        if (sentAt != null) {
            audit(actor, "quote.sent", "quote", id, Map.of("status", QuoteStatus.DRAFT),
                    Map.of("status", QuoteStatus.SENT, "to", contactEmails.get(contacts.indexOf(contact))), sentAt);
        }
        if (decided != null) {
            boolean approved = plan.status() != QuoteStatus.REJECTED;
            audit(null, approved ? "quote.approved" : "quote.rejected", "quote", id, Map.of("status", QuoteStatus.SENT),
                    approved ? Map.of("status", QuoteStatus.APPROVED, "source", "portal")
                            : Map.of("status", QuoteStatus.REJECTED, "source", "portal", "note", words.declined), decided);
        }
        if (invoice != null) {
            audit(actor, "quote.converted", "quote", id, Map.of("status", QuoteStatus.APPROVED),
                    Map.of("status", QuoteStatus.CONVERTED, "invoice_id", invoice), decided.plus(Duration.ofHours(2)));
        }
    }

    /** One to three lines from the profile's price list, taxed by the business's first tax code. */
    private DocumentDraft draft(String contact, String workItem, LocalDate issued, LocalDate until, int seed) {
        List<LineItem> lines = new ArrayList<>();
        int count = 1 + seed % 3;
        for (int k = 0; k < count; k++) {
            String[] product = words.prices[(seed * 3 + k * 5) % words.prices.length];
            lines.add(new LineItem(product[0], new BigDecimal(1 + (seed + k) % 3), new BigDecimal(product[1]), taxCode));
        }
        return new DocumentDraft(contact, workItem, issued, until, currency, Totals.Pricing.TAX_EXCLUSIVE, taxCode, lines,
                Totals.Discount.none(), null, null);
    }

    /** The newest work item created at least {@code days} ago (the work a document is about came first). */
    private int itemAged(int days) {
        int i = (int) Math.floor((WORK_STATUSES.length - 1) * (1 - days / 86.0));
        return Math.max(0, Math.min(items.size() - 1, i));
    }

    /** The member who did the i-th thing: owner, admin, staff and agent in turn (the owner alone in a new business). */
    private String member(int i) {
        return members.isEmpty() ? null : members.get(i % members.size());
    }

    private Instant moved(Instant created, int ageDays, int step) {
        Instant at = created.plus(Duration.ofHours(Math.max(1, ageDays * 6L * step / 2)));
        return at.isAfter(now) ? now.minus(Duration.ofMinutes(10L * (3 - step))) : at;
    }

    /** A moment of today before now: 25 minutes ago, or halfway since midnight in the business's zone when that is sooner. */
    private Instant earlierToday() {
        Instant midnight = today.atStartOfDay(zone).toInstant();
        Instant at = now.minus(Duration.ofMinutes(25));
        return at.isBefore(midnight) ? midnight.plus(Duration.between(midnight, now).dividedBy(2)) : at;
    }

    private Instant earlier(Instant at) {
        return at.isAfter(now) ? now.minus(Duration.ofMinutes(5)) : at;
    }

    private Instant daysAgo(int days, int hour) {
        Instant at = at(today.minusDays(days), hour);
        return at.isAfter(now) ? now.minus(Duration.ofMinutes(30)) : at;
    }

    private Instant at(LocalDate day, int hour) {
        Instant at = day.atTime(hour, 15).atZone(zone).toInstant();
        return at.isAfter(now) ? now.minus(Duration.ofHours(1)) : at;
    }

    private void track(String type, String id, Instant at) {
        NativeSql.query(em, "insert into sample_records (tenant_id, entity_type, entity_id, created_at)"
                        + " values (cast(?1 as uuid), ?2, cast(?3 as uuid), ?4)")
                .setParameter(1, tenant).setParameter(2, type).setParameter(3, id).setParameter(4, ts(at)).executeUpdate();
    }

    /** The history a timeline and an activity list read, at the time it happened. */
    private void audit(String actor, String action, String type, String id, Map<String, ?> before, Map<String, ?> after, Instant at) {
        AuditService.recordSample(em, tenant, actor, action, type, id, before, after, at);
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z.]", "");
    }
}
