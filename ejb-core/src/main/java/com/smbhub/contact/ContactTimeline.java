package com.smbhub.contact;

import com.smbhub.expense.Expense;
import com.smbhub.file.StoredFile;
import com.smbhub.inbox.InboxMessage;
import com.smbhub.invoice.Invoice;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.security.Grant;
import com.smbhub.workitem.WorkItem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries behind a contact's timeline: its work items with their status moves and files, files
 * on the contact, its invoices and their payments, its messages, the expenses bought from it or spent on its work. Returns the lines as data, newest first; the
 * caller decided what the reader may see.
 */
final class ContactTimeline {

    private final EntityManager em;
    private final AuditService audit;

    ContactTimeline(EntityManager em, AuditService audit) {
        this.em = em;
        this.audit = audit;
    }

    /**
     * {@code work} / {@code inbox}: the reader's grants on work items and conversations (an agent sees only
     * theirs); {@code seesMoney}: invoices too; {@code expenses}: the reader's grant on expenses (NONE where the
     * profile has none). A message line opens its conversation ({@code id}), an expense line the expense.
     */
    List<TimelineEntry> of(Contact contact, Grant work, Grant inbox, boolean seesMoney, Grant expenses, String me) {
        String id = contact.getId();
        List<TimelineEntry> entries = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();
        if (work != Grant.NONE) {
            TypedQuery<WorkItem> items = em.createQuery("select w from WorkItem w where w.contactId = :c"
                    + " and w.deletedAt is null" + (work == Grant.ASSIGNED ? " and w.assignedTo = :me" : "")
                    + " order by w.createdAt desc", WorkItem.class).setParameter("c", id);
            if (work == Grant.ASSIGNED) {
                items.setParameter("me", me);
            }
            items.setMaxResults(200).getResultStream().forEach(w -> {
                titles.put(w.getId(), w.getTitle());
                entries.add(new TimelineEntry(TimelineEntry.Event.WORK_ITEM, w.getId(), w.getCreatedAt(), w.getId(),
                        TimelineEntry.factsOf("title", w.getTitle(), "status", w.getStatus().name())));
            });
            for (AuditService.Entry e : audit.history("work_item", titles.keySet(), 500)) {
                String title = titles.get(e.entityId());
                if (e.action().equals("file.attached")) {
                    entries.add(new TimelineEntry(TimelineEntry.Event.FILE, e.after().get("file_id"), e.at(), e.entityId(),
                            TimelineEntry.factsOf("file_name", e.after().get("file_name"), "on", title)));
                } else if (e.action().equals("file.removed")) {
                    entries.add(new TimelineEntry(TimelineEntry.Event.FILE_REMOVED, e.before().get("file_id"), e.at(),
                            e.entityId(), TimelineEntry.factsOf("file_name", e.before().get("file_name"), "on", title)));
                } else if (e.action().equals("work_item.updated") && e.after().get("status") != null
                        && !e.after().get("status").equals(e.before().get("status"))) {
                    entries.add(new TimelineEntry(TimelineEntry.Event.STATUS_MOVED, e.entityId(), e.at(), e.entityId(),
                            TimelineEntry.factsOf("title", title, "status", e.after().get("status"))));
                }
            }
        }
        if (seesMoney) {
            invoiceLines(id, entries);
        }
        if (inbox != Grant.NONE) {
            TypedQuery<InboxMessage> messages = em.createQuery("select m from InboxMessage m, Conversation v"
                    + " where m.conversationId = v.id and v.contactId = :c and v.deletedAt is null and m.deletedAt is null"
                    + (inbox == Grant.ASSIGNED ? " and v.assignedTo = :me" : "") + " order by m.createdAt desc",
                    InboxMessage.class).setParameter("c", id);
            if (inbox == Grant.ASSIGNED) {
                messages.setParameter("me", me);
            }
            messages.setMaxResults(200).getResultStream().forEach(m -> entries.add(new TimelineEntry(m.isInbound()
                    ? TimelineEntry.Event.MESSAGE_RECEIVED : TimelineEntry.Event.MESSAGE_SENT, m.getConversationId(),
                    m.getCreatedAt(), null, TimelineEntry.factsOf("subject", m.getSubject() == null ? "(no subject)"
                            : m.getSubject()))));
        }
        if (expenses != Grant.NONE) {
            expenseLines(id, titles, expenses, me, entries);
        }
        em.createQuery("select f from StoredFile f where f.linkedEntityType = 'CONTACT' and f.linkedEntityId = :c"
                        + " and f.deletedAt is null order by f.createdAt desc", StoredFile.class)
                .setParameter("c", id).setMaxResults(200).getResultStream()
                .forEach(f -> entries.add(new TimelineEntry(TimelineEntry.Event.FILE, f.getId(), f.getCreatedAt(), null,
                        TimelineEntry.factsOf("file_name", f.getFileName()))));
        entries.add(new TimelineEntry(TimelineEntry.Event.CONTACT_ADDED, contact.getId(), contact.getCreatedAt(), null, Map.of()));
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }

    /** Expenses bought from the contact (its vendor) or spent on its work items; {@code titles}: the work the reader sees. */
    private void expenseLines(String contactId, Map<String, String> titles, Grant grant, String me, List<TimelineEntry> entries) {
        TypedQuery<Expense> expenses = em.createQuery("select e from Expense e where e.deletedAt is null and (e.vendorContactId = :c"
                + " or e.workItemId in (select w.id from WorkItem w where w.contactId = :c))"
                + (grant == Grant.ASSIGNED ? " and e.createdBy = :me" : "") + " order by e.createdAt desc", Expense.class)
                .setParameter("c", contactId);
        if (grant == Grant.ASSIGNED) {
            expenses.setParameter("me", me);
        }
        expenses.setMaxResults(200).getResultStream().forEach(e -> entries.add(new TimelineEntry(TimelineEntry.Event.EXPENSE,
                e.getId(), e.getCreatedAt(), null, TimelineEntry.factsOf("amount", e.getAmount() == null ? null
                        : e.getAmount().toPlainString(), "currency", e.getCurrency(), "vendor", e.getVendorName(),
                        "on", e.getWorkItemId() == null ? null : titles.get(e.getWorkItemId()), "status", e.getStatus().name()))));
    }

    /** The contact's invoices: drafted, sent, first opened by the client, paid (by whom), refunded, voided; each opens its invoice. */
    private void invoiceLines(String contactId, List<TimelineEntry> entries) {
        Map<String, Invoice> invoices = new LinkedHashMap<>();
        em.createQuery("select i from Invoice i where i.contactId = :c and i.deletedAt is null order by i.createdAt desc",
                        Invoice.class).setParameter("c", contactId).setMaxResults(200).getResultStream()
                .forEach(i -> {
                    invoices.put(i.getId(), i);
                    entries.add(new TimelineEntry(TimelineEntry.Event.INVOICE_DRAFTED, i.getId(), i.getCreatedAt(), null,
                            TimelineEntry.factsOf("number", i.getNumber(), "amount", i.getTotal().toPlainString(), "currency", i.getCurrency())));
                });
        for (AuditService.Entry e : audit.history("invoice", invoices.keySet(), 500)) {
            Invoice i = invoices.get(e.entityId());
            TimelineEntry.Event event = switch (e.action()) {
                case "invoice.sent" -> TimelineEntry.Event.INVOICE_SENT;
                case "invoice.viewed" -> TimelineEntry.Event.INVOICE_VIEWED;
                case "invoice.voided" -> TimelineEntry.Event.INVOICE_VOIDED;
                case "payment.recorded" -> TimelineEntry.Event.PAYMENT_RECEIVED;
                case "payment.refunded" -> TimelineEntry.Event.PAYMENT_REFUNDED;
                default -> null;
            };
            if (event != null) {
                entries.add(new TimelineEntry(event, i.getId(), e.at(), null, TimelineEntry.factsOf("number", i.getNumber(),
                        "currency", i.getCurrency(), "amount", e.after().get("amount"), "provider", e.after().get("provider"))));
            }
        }
    }
}
