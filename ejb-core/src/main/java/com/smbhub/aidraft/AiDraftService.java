package com.smbhub.aidraft;

import static com.smbhub.platform.Ids.isId;

import com.smbhub.contact.ContactDraft;
import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.expense.ExpenseFields;
import com.smbhub.expense.ExpenseService;
import com.smbhub.expense.ExpenseView;
import com.smbhub.extract.Extraction;
import com.smbhub.extract.ExtractionJson;
import com.smbhub.extract.Extractor;
import com.smbhub.extract.Inbound;
import com.smbhub.extract.RulesExtractor;
import com.smbhub.file.FileService;
import com.smbhub.file.FileView;
import com.smbhub.inbox.Channel;
import com.smbhub.inbox.Conversation;
import com.smbhub.inbox.InboxMessage;
import com.smbhub.inbox.InboxService;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.money.DocumentDraft;
import com.smbhub.money.LineItem;
import com.smbhub.money.TaxCode;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.quote.QuoteService;
import com.smbhub.tenant.BusinessDetails;
import com.smbhub.tenant.Tenant;
import com.smbhub.workitem.WorkItem;
import com.smbhub.workitem.WorkItemDraft;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemStatus;
import com.smbhub.workitem.WorkItemView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Text-to-Task drafts of the current business (issue 15, docs/text-to-task.md): "Turn into…" reads a received
 * message into a draft; a person edits it, applies it (the work item, quote or invoice is made in DRAFT state,
 * linked to the conversation; applying again returns the same object), sends it to the ops team's review or
 * rejects it. Nothing here sends, charges or messages anyone.
 */
@Stateless
@TenantScoped
public class AiDraftService {

    /** When a deadline read as a day ("by Friday") falls, in the business's zone. */
    static final LocalTime DUE_TIME = LocalTime.of(17, 0);
    private static final Duration SIMILAR_WITHIN = Duration.ofHours(24);
    private static final Extractor EXTRACTOR = new RulesExtractor();

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

    @EJB InboxService inbox;

    @EJB WorkItemService work;

    @EJB QuoteService quotes;

    @EJB InvoiceService invoices;

    @EJB ContactService contacts;

    @EJB ExpenseService expenses;

    @EJB FileService files;

    @EJB ChatReader chat;

    /** Applying found open work of the same client from the last day: the person opens it or creates anyway. */
    public static class SimilarWorkException extends ConflictException {
        public SimilarWorkException(List<WorkItemView> similar) {
            super("This looks like work you already have for this client from the last 24 hours; open it, or create anyway",
                    List.copyOf(similar));
        }
    }

    /** A draft of a message and whether this call made it (else it is the message's open draft). */
    public record Parsed(AiDraftView draft, boolean created) {
    }

    /**
     * "Turn into…" on a received message: its open draft if it has one (re-aimed at {@code intent} when one is
     * named), else a new draft read from it. {@code intent} null takes the best suggestion.
     */
    public Parsed parseMessage(String messageId, String intent) {
        return parse(messageId, intent, false);
    }

    /**
     * A new message read into a draft by itself, when the business turned that on (Settings → Inbox): nothing
     * is drafted from an automatic reply, a message sent here, or one with nothing to do (NONE); a message with a
     * draft keeps it. Runs as the business's automation ({@code TenantEntry.asAutomation}). Null when no draft.
     */
    public AiDraftView autoDraft(String messageId) {
        InboxMessage message = em.find(InboxMessage.class, messageId);
        if (!tenant().isAiAutoDraft() || message == null || !message.isInbound() || message.getAutomatic() != null) {
            return null;
        }
        Parsed parsed = parse(messageId, null, true);
        return parsed == null || !parsed.created() ? null : parsed.draft();
    }

    /**
     * Applies a draft the automation made when its reading is at least as sure as the business's threshold
     * (Settings → Inbox; none: never): the same apply a person's click does — drafts made, nothing sent — marked
     * as applied by the automation. Similar open work from the last day stops it ({@link SimilarWorkException}),
     * as it would a person. Null when not sure enough.
     */
    public AiDraftView autoApply(String draftId) {
        BigDecimal at = tenant().getAiAutoApplyAt();
        AiDraft d = locked(draftId);
        if (at == null || d.getStatus() != AiDraftStatus.PENDING_QC || d.getQcRequestedAt() != null
                || BigDecimal.valueOf(d.getConfidence()).compareTo(at) < 0) {
            return null;
        }
        return apply(draftId, false, true);
    }

    /** Text-to-Task automation of the business (Settings → Inbox); {@code reader}: which reads the messages, this month. */
    public record Automation(boolean autoDraft, BigDecimal applyAt, ChatReader.Usage reader) implements java.io.Serializable {
    }

    public Automation automation() {
        access.require(Capability.MANAGE_SETTINGS);
        Tenant tenant = tenant();
        return new Automation(tenant.isAiAutoDraft(), tenant.getAiAutoApplyAt(), chat.usage());
    }

    /** {@code applyAt}: null never applies by itself; else from 0.50 to 1.00 (how sure a reading must be). */
    public Automation automate(boolean autoDraft, BigDecimal applyAt) {
        access.require(Capability.MANAGE_SETTINGS);
        Tenant tenant = tenant();
        Map<String, Object> before = new HashMap<>();
        before.put("ai_auto_draft", tenant.isAiAutoDraft());
        before.put("ai_auto_apply_at", tenant.getAiAutoApplyAt());
        tenant.automate(autoDraft, applyAt);
        Map<String, Object> after = new HashMap<>();
        after.put("ai_auto_draft", autoDraft);
        after.put("ai_auto_apply_at", tenant.getAiAutoApplyAt());
        em.flush();
        audit.recordChanges("tenant.ai_automation_changed", "tenant", tenant.getId(), before, after);
        return new Automation(tenant.isAiAutoDraft(), tenant.getAiAutoApplyAt(), chat.usage());
    }

    /** {@code automatic}: made by the business's automation, which drafts nothing from a message with nothing to do. */
    private Parsed parse(String messageId, String intent, boolean automatic) {
        Grant grant = access.require(Capability.AI_DRAFTS_CREATE);
        inbox.requireMessage(messageId);
        EffectiveProfile profile = profiles.effective();
        Extraction.Intent wanted = requestedIntent(intent, profile);
        InboxMessage message = em.find(InboxMessage.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (!message.isInbound()) {
            throw new ValidationException("message_id", "Only a message you received can be turned into a draft");
        }
        Conversation conversation = em.find(Conversation.class, message.getConversationId());
        Inbound source = inbound(message, conversation, tenant(), profile);
        Optional<AiDraft> open = openDraft(AiDraft.Source.MESSAGE, messageId);
        if (open.isPresent()) {
            return new Parsed(view(reaimed(open.get(), wanted, source), profile, grant), false);
        }
        String platform = automatic ? "automation" : "inbox";
        Reading r = read(source, wanted, "message_id", messageId, platform, profile);
        if (automatic && r.extraction().intent() == Extraction.Intent.NONE) {
            return null;
        }
        Extraction.Intent chosen = wanted != null ? wanted : Extraction.Intent.valueOf(suggestions(r.extraction(), profile).get(0));
        return created(new AiDraft(AiDraft.Source.MESSAGE, messageId, conversation.getId(), chosen.name(),
                ExtractionJson.text(r.extraction().as(chosen)), r.extraction().confidence(), r.millis()).readBy(r.extractor()),
                platform, profile, grant);
    }

    /** What a work item's notes can become: the quote or the bill of that work, or what was spent on it. */
    static final Set<Extraction.Intent> FROM_NOTES = EnumSet.of(Extraction.Intent.DRAFT_QUOTE, Extraction.Intent.DRAFT_INVOICE,
            Extraction.Intent.DRAFT_EXPENSE);
    private static final String NOTES_BECOME = "A work item's notes become a quote, an invoice or an expense";

    /**
     * "Turn into…" on a work item: its title and description (what was done, or is to be quoted) read into a draft
     * quote, invoice or expense of that work item — its open draft if it has one, re-aimed at {@code intent} when
     * one is named. Null intent: the reading's best of those, else a quote for a request and an invoice for other work.
     */
    public Parsed parseWorkItem(String workItemId, String intent) {
        Grant grant = access.require(Capability.AI_DRAFTS_CREATE);
        WorkItemView item = work.get(workItemId);
        EffectiveProfile profile = profiles.effective();
        Extraction.Intent wanted = requestedIntent(intent, profile);
        if (wanted != null && !FROM_NOTES.contains(wanted)) {
            throw new ValidationException("intent", NOTES_BECOME);
        }
        if (item.description() == null || item.description().isBlank()) {
            throw new ValidationException("description", "Write what was done, or what to quote, in the description first");
        }
        em.find(WorkItem.class, workItemId, LockModeType.PESSIMISTIC_WRITE); // one open draft per work item
        Tenant tenant = tenant();
        Inbound notes = new Inbound("EMAIL", "", item.title(), item.description(),
                BusinessClock.now().atZone(tenant.zone()).toOffsetDateTime(), profile.profileId(), tenant.getCurrency(),
                tenant.getCountry());
        Optional<AiDraft> open = openDraft(AiDraft.Source.WORK_ITEM, workItemId);
        if (open.isPresent()) {
            return new Parsed(view(reaimed(open.get(), wanted, notes), profile, grant), false);
        }
        Reading r = read(notes, wanted, "work_item_id", workItemId, "manual", profile);
        Extraction.Intent best = r.extraction().intent();
        Extraction.Intent chosen = wanted != null ? wanted : FROM_NOTES.contains(best) && offered(best, profile) ? best
                : "REQUEST".equals(item.type()) && offered(Extraction.Intent.DRAFT_QUOTE, profile) ? Extraction.Intent.DRAFT_QUOTE
                : Extraction.Intent.DRAFT_INVOICE;
        if (chosen != best && wanted == null) {
            r = new Reading(EXTRACTOR.extract(notes, chosen), r.millis(), "rules"); // read again for the kind chosen
        }
        return created(new AiDraft(AiDraft.Source.WORK_ITEM, workItemId, item.conversationId(), chosen.name(),
                ExtractionJson.text(r.extraction().as(chosen)), r.extraction().confidence(), r.millis()).readBy(r.extractor()),
                "manual", profile, grant);
    }

    private Optional<AiDraft> openDraft(AiDraft.Source source, String sourceId) {
        return em.createQuery("select d from AiDraft d where d.sourceType = :t and d.sourceId = :s"
                        + " and d.status in :open and d.deletedAt is null", AiDraft.class)
                .setParameter("t", source.name()).setParameter("s", sourceId)
                .setParameter("open", AiDraftStatus.OPEN.stream().map(Enum::name).toList()).getResultStream().findFirst();
    }

    /** An open draft asked for again, re-aimed at {@code wanted} when that is another kind. */
    private AiDraft reaimed(AiDraft d, Extraction.Intent wanted, Inbound source) {
        if (wanted != null && !wanted.name().equals(d.getIntent())) {
            Extraction payload = ExtractionJson.read(d.getPayload(), "payload").as(wanted);
            if (wanted == Extraction.Intent.DRAFT_EXPENSE && payload.expense() == null) {
                // a work item's reading has no expense: read the source again for one
                payload = EXTRACTOR.extract(source, wanted).as(wanted);
            }
            Map<String, Object> before = snapshot(d);
            d.edit(wanted.name(), ExtractionJson.text(payload), d.getConfidence());
            em.flush();
            audit.recordChanges("ai_draft.edited", "ai_draft", d.getId(), before, snapshot(d));
        }
        return d;
    }

    /** A reading, how long it took and who read it ({@code rules}, or {@code chat} for the optional model). */
    private record Reading(Extraction extraction, int millis, String extractor) {
    }

    /** The extractor's reading of a source, timed, with its events; a failure reads as nothing found. */
    private Reading read(Inbound source, Extraction.Intent wanted, String sourceKey, String sourceId, String platform,
                         EffectiveProfile profile) {
        Analytics.record(em, "ai.parse.started", profile.profileId(), platform, Map.of(sourceKey, sourceId));
        long started = System.nanoTime();
        Extraction read;
        String by = "rules";
        try {
            Optional<Extraction> model = chat.read(source, wanted);
            by = model.isPresent() ? "chat" : by;
            read = model.orElseGet(() -> EXTRACTOR.extract(source, wanted));
        } catch (RuntimeException e) {
            Analytics.record(em, "ai.parse.failed", profile.profileId(), platform,
                    Map.of(sourceKey, sourceId, "reason", e.getClass().getSimpleName()));
            read = nothingRead();
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        Analytics.record(em, "ai.parse.completed", profile.profileId(), platform, Map.of(sourceKey, sourceId,
                "intent", read.intent().name(), "confidence", read.confidence(), "millis", millis, "extractor", by));
        return new Reading(read, millis, by);
    }

    private Parsed created(AiDraft d, String platform, EffectiveProfile profile, Grant grant) {
        em.persist(d);
        em.flush();
        Analytics.record(em, "ai.draft.created", profile.profileId(), platform, Map.of("ai_draft_id", d.getId(),
                "intent", d.getIntent(), "confidence", d.getConfidence()));
        audit.record("ai_draft.created", "ai_draft", d.getId(), null, snapshot(d));
        return new Parsed(view(d, profile, grant), true);
    }

    public AiDraftView get(String id) {
        Grant grant = access.require(Capability.AI_DRAFTS_CREATE);
        return view(find(id), profiles.effective(), grant);
    }

    /** The drafts made from a conversation's messages, newest first. */
    public List<AiDraftView> forConversation(String conversationId) {
        Grant grant = access.require(Capability.AI_DRAFTS_CREATE);
        inbox.get(conversationId);
        EffectiveProfile profile = profiles.effective();
        return em.createQuery("select d from AiDraft d where d.conversationId = :c and d.deletedAt is null"
                        + " order by d.createdAt desc", AiDraft.class).setParameter("c", conversationId).setMaxResults(50)
                .getResultStream().map(d -> view(d, profile, grant)).toList();
    }

    /**
     * A person's corrections before applying: the payload (its intent and fields; confidence stays the reading's)
     * and notes; null leaves either as it is. Changes are kept field by field against the first reading.
     */
    public AiDraftView edit(String id, Long expectedVersion, Extraction payload, String notes) {
        Grant grant = access.require(Capability.AI_DRAFTS_CREATE);
        AiDraft d = find(id);
        EffectiveProfile profile = profiles.effective();
        ConflictException.checkVersion(d.getVersion(), expectedVersion, "Someone changed this draft since you opened it",
                () -> view(d, profile, grant));
        require(d, AiDraftStatus.Action.EDIT, profile, grant);
        Map<String, Object> before = snapshot(d);
        if (payload != null) {
            if (payload.intent() == Extraction.Intent.NONE) {
                throw new ValidationException("payload.intent", "Choose what to make: a work item, quote, invoice or expense");
            }
            requestedIntent(payload.intent().name(), profile);
            if (d.getSourceType() == AiDraft.Source.WORK_ITEM && !FROM_NOTES.contains(payload.intent())) {
                throw new ValidationException("payload.intent", NOTES_BECOME);
            }
            Extraction stored = ExtractionJson.read(d.getPayload(), "payload");
            d.edit(payload.intent().name(), ExtractionJson.text(payload.withConfidence(stored)), d.getConfidence());
        }
        if (notes != null) {
            d.notes(notes.isBlank() ? null : notes.strip());
        }
        em.flush();
        audit.recordChanges("ai_draft.edited", "ai_draft", d.getId(), before, snapshot(d));
        return view(d, profile, grant);
    }

    /** The text the draft was read from (a message's text, a work item's description; empty for a draft without one). */
    public String sourceText(String id) {
        access.require(Capability.AI_DRAFTS_CREATE);
        AiDraft d = find(id);
        String text = switch (d.getSourceType()) {
            case MESSAGE -> em.find(InboxMessage.class, d.getSourceId()).getBodyText();
            case WORK_ITEM -> em.find(WorkItem.class, d.getSourceId()).getDescription();
            default -> null;
        };
        return text == null ? "" : text;
    }

    /** The caller takes the draft's review (a reviewer of the ops team); anyone may take it over. */
    public AiDraftView claim(String id) {
        Grant grant = access.require(Capability.AI_DRAFTS_APPROVE);
        AiDraft d = locked(id);
        EffectiveProfile profile = profiles.effective();
        require(d, AiDraftStatus.Action.EDIT, profile, grant);
        Map<String, Object> before = snapshot(d);
        d.claim(me());
        em.flush();
        audit.recordChanges("ai_draft.claimed", "ai_draft", d.getId(), before, snapshot(d));
        return view(d, profile, grant);
    }

    /** Hands the draft to the ops team's review queue; it stays open here too. */
    public AiDraftView sendToQc(String id) {
        Grant grant = access.require(Capability.AI_DRAFTS_CREATE);
        AiDraft d = find(id);
        EffectiveProfile profile = profiles.effective();
        require(d, AiDraftStatus.Action.SEND_TO_QC, profile, grant);
        Map<String, Object> before = snapshot(d);
        d.sentToQc(BusinessClock.now());
        em.flush();
        audit.recordChanges("ai_draft.sent_to_qc", "ai_draft", d.getId(), before, snapshot(d));
        return view(d, profile, grant);
    }

    public AiDraftView approve(String id) {
        return decide(id, AiDraftStatus.Action.APPROVE, null);
    }

    public AiDraftView reject(String id, String notes) {
        return decide(id, AiDraftStatus.Action.REJECT, notes);
    }

    private AiDraftView decide(String id, AiDraftStatus.Action action, String notes) {
        Grant grant = access.require(Capability.AI_DRAFTS_APPROVE);
        AiDraft d = locked(id);
        EffectiveProfile profile = profiles.effective();
        require(d, action, profile, grant);
        Map<String, Object> before = snapshot(d);
        d.act(action, me(), BusinessClock.now());
        if (notes != null && !notes.isBlank()) {
            d.notes(notes.strip());
        }
        em.flush();
        String event = action == AiDraftStatus.Action.APPROVE ? "approved" : "rejected";
        audit.recordChanges("ai_draft." + event, "ai_draft", d.getId(), before, snapshot(d));
        Analytics.record(em, "ai.draft." + event, profile.profileId(), "manual",
                Map.of("ai_draft_id", d.getId(), "intent", d.getIntent(), "confidence", d.getConfidence()));
        return view(d, profile, grant);
    }

    /**
     * "Apply as draft": makes the target in DRAFT state linked to the conversation — a work item, or a work item
     * with its quote or invoice — and marks the draft APPLIED. An applied draft returns the object it made. Open
     * work of the same client from the last 24 hours stops it ({@link SimilarWorkException}) unless
     * {@code createAnyway}. Sends nothing.
     */
    public AiDraftView apply(String id, boolean createAnyway) {
        return apply(id, createAnyway, false);
    }

    private AiDraftView apply(String id, boolean createAnyway, boolean automatic) {
        Grant grant = access.require(Capability.AI_DRAFTS_APPROVE);
        AiDraft d = locked(id);
        EffectiveProfile profile = profiles.effective();
        if (d.getStatus() == AiDraftStatus.APPLIED) {
            return view(d, profile, grant);
        }
        if (automatic) {
            d.autoApplied();
        }
        require(d, AiDraftStatus.Action.APPLY, profile, grant);
        Extraction x = ExtractionJson.read(d.getPayload(), "payload");
        if (x.intent() == Extraction.Intent.DRAFT_EXPENSE) {
            return applied(d, "EXPENSE", expenseFrom(d, x), profile, grant);
        }
        if (d.getSourceType() == AiDraft.Source.WORK_ITEM) {
            WorkItemView item = work.get(d.getSourceId());
            if (item.contactId() == null) {
                throw new ValidationException("contact", "Link a client to this work item first: a quote or invoice goes to a client");
            }
            DocumentDraft draft = documentDraft(x, item.id(), item.contactId());
            return x.intent() == Extraction.Intent.DRAFT_QUOTE
                    ? applied(d, "QUOTE", quotes.create(draft, Optional.empty()).id(), profile, grant)
                    : applied(d, "INVOICE", invoices.create(draft, Optional.empty()).id(), profile, grant);
        }
        if (d.getConversationId() == null) {
            throw new ValidationException("source", "This draft has no conversation to make work from");
        }
        Conversation conversation = em.find(Conversation.class, d.getConversationId());
        boolean document = x.intent() == Extraction.Intent.DRAFT_QUOTE || x.intent() == Extraction.Intent.DRAFT_INVOICE;
        String contactId = conversation.getContactId();
        if (contactId == null && document) {
            contactId = contactFor(conversation, x);
        }
        if (!createAnyway) {
            List<WorkItemView> similar = similar(conversation, contactId);
            if (!similar.isEmpty()) {
                throw new SimilarWorkException(similar);
            }
        }
        WorkItemView item = inbox.convertToWorkItem(conversation.getId(), workItemDraft(x, conversation, contactId, profile),
                Optional.empty());
        String type = "WORK_ITEM";
        String made = item.id();
        if (document) {
            DocumentDraft draft = documentDraft(x, item.id(), contactId);
            if (x.intent() == Extraction.Intent.DRAFT_QUOTE) {
                type = "QUOTE";
                made = quotes.create(draft, Optional.empty()).id();
            } else {
                type = "INVOICE";
                made = invoices.create(draft, Optional.empty()).id();
            }
        }
        return applied(d, type, made, profile, grant);
    }

    /** Marks the draft APPLIED with what it made, and records it (what a person changed first, field by field). */
    private AiDraftView applied(AiDraft d, String type, String made, EffectiveProfile profile, Grant grant) {
        Map<String, Object> before = snapshot(d);
        Instant now = BusinessClock.now();
        d.act(AiDraftStatus.Action.APPLY, me(), now);
        d.applied(type, made, now);
        em.flush();
        audit.recordChanges("ai_draft.applied", "ai_draft", d.getId(), before, snapshot(d));
        List<String> edited = Payloads.changed(d.getSuggestedPayload(), d.getPayload());
        if (!edited.isEmpty()) {
            Analytics.record(em, "ai.draft.edited_before_apply", profile.profileId(), "manual",
                    Map.of("ai_draft_id", d.getId(), "fields", String.join(",", edited)));
        }
        Analytics.record(em, "ai.draft.applied", profile.profileId(), d.isAutoApplied() ? "automation" : "manual",
                Map.of("ai_draft_id", d.getId(), "intent", d.getIntent(), "target", type, "confidence", d.getConfidence(),
                        "edited_fields", edited.size(), "auto", d.isAutoApplied()));
        return view(d, profile, grant);
    }

    /**
     * A DRAFT expense: the message's first picture or PDF becomes its receipt, read as an upload is. A value a
     * person corrected in the draft wins; else what the receipt shows; else what the message said.
     */
    private String expenseFrom(AiDraft d, Extraction x) {
        Extraction.Expense read = x.expense() == null ? new Extraction.Expense(null, null, null, null) : x.expense();
        BigDecimal amount = read.amount() != null ? read.amount() : x.total();
        String currency = x.currency() != null && x.currency().matches("[A-Z]{3}") ? x.currency() : null;
        String notes = null;
        Optional<FileView> receipt = Optional.empty();
        if (d.getSourceType() == AiDraft.Source.MESSAGE && d.getSourceId() != null) {
            InboxMessage message = em.find(InboxMessage.class, d.getSourceId());
            Conversation conversation = message == null ? null : em.find(Conversation.class, message.getConversationId());
            notes = conversation == null ? null : "From the message of " + conversation.getCounterpart();
            receipt = files.ofMessages(List.of(d.getSourceId())).getOrDefault(d.getSourceId(), List.of()).stream()
                    .filter(f -> f.mimeType().startsWith("image/") || f.mimeType().equals("application/pdf")).findFirst();
        }
        String workItemId = d.getSourceType() == AiDraft.Source.WORK_ITEM ? d.getSourceId() : null;
        if (receipt.isEmpty()) {
            return expenses.create(new ExpenseFields(read.vendor(), read.date(), amount, currency, read.category(), null,
                    notes, workItemId)).id();
        }
        ExpenseView scanned;
        try (InputStream content = files.open(receipt.get().id()).content()) {
            scanned = expenses.upload(receipt.get().fileName(), content);
        } catch (IOException e) {
            throw new ProviderException("File storage did not return the receipt; try again later");
        }
        List<String> corrected = Payloads.changed(d.getSuggestedPayload(), d.getPayload());
        return expenses.update(scanned.id(), scanned.version(), new ExpenseFields(
                first(corrected, "expense.vendor", read.vendor(), scanned.vendor()),
                first(corrected, "expense.date", read.date(), scanned.date()),
                first(corrected, "expense.amount", amount, scanned.amount()),
                first(corrected, "currency", currency, scanned.currency()),
                first(corrected, "expense.category", read.category(), scanned.category()), scanned.tax(), notes, null)).id();
    }

    private static <T> T first(List<String> corrected, String field, T draft, T receipt) {
        return draft != null && (corrected.contains(field) || receipt == null) ? draft : receipt;
    }

    private WorkItemDraft workItemDraft(Extraction x, Conversation conversation, String contactId, EffectiveProfile profile) {
        WorkItemDraft base = inbox.workItemDraft(conversation.getId());
        Extraction.WorkItem w = x.workItem();
        String type = w != null && w.type() != null ? w.type() : switch (x.intent()) {
            case DRAFT_QUOTE -> "REQUEST";
            case DRAFT_INVOICE -> "JOB";
            case DRAFT_AR_MESSAGE -> "COLLECTION";
            default -> null;
        };
        String title = w != null && w.title() != null ? w.title() : base.title();
        Map<String, Object> labels = new LinkedHashMap<>();
        StringBuilder description = new StringBuilder(base.description() == null ? "" : base.description());
        Set<String> known = new LinkedHashSet<>();
        profile.workItemFields().forEach(f -> known.add(f.key()));
        if (w != null) {
            label(labels, description, known, "service_address", "Address", w.serviceAddress());
            label(labels, description, known, "external_order_id", "Order", w.externalOrderId());
        }
        if (x.invoiceRef() != null) {
            description.insert(0, "Invoice " + x.invoiceRef() + "\n\n");
        }
        Instant due = w == null || w.dueDate() == null ? null : w.dueDate().atTime(DUE_TIME).atZone(zone()).toInstant();
        return new WorkItemDraft(type, title, description.toString(), w == null ? null : w.priority(), contactId, due,
                null, labels);
    }

    private static void label(Map<String, Object> labels, StringBuilder description, Set<String> known, String key,
                              String name, String value) {
        if (value == null) {
            return;
        }
        if (known.contains(key)) {
            labels.put(key, value);
        } else {
            description.insert(0, name + ": " + value + "\n");
        }
    }

    private DocumentDraft documentDraft(Extraction x, String workItemId, String contactId) {
        List<LineItem> lines = new ArrayList<>();
        for (Extraction.Line l : x.lineItems()) {
            lines.add(new LineItem(l.name() == null ? "Item" : l.name(), l.qty() == null ? BigDecimal.ONE : l.qty(),
                    l.rate() == null ? BigDecimal.ZERO : l.rate(), null));
        }
        if (lines.isEmpty()) {
            String name = x.workItem() != null && x.workItem().title() != null ? x.workItem().title() : "Work";
            lines.add(new LineItem(name, BigDecimal.ONE, x.total() == null ? BigDecimal.ZERO : x.total(), null));
        }
        List<TaxCode> codes = quotes.taxCodes();
        String currency = x.currency() == null || x.currency().equals(tenant().getCurrency()) ? null : x.currency();
        LocalDate due = x.intent() == Extraction.Intent.DRAFT_INVOICE && x.workItem() != null
                && x.workItem().dueDate() != null && !x.workItem().dueDate().isBefore(BusinessClock.today(zone()))
                ? x.workItem().dueDate() : null;
        BusinessDetails.Defaults words = quotes.startingWords();
        return new DocumentDraft(contactId, workItemId, null, due, currency, null,
                codes.size() == 1 ? codes.get(0).code() : null, lines, null, words.notes(), words.terms());
    }

    /** The client a quote or invoice goes to: the contact with the sender's address or number, else a new one. */
    private String contactFor(Conversation conversation, Extraction x) {
        Extraction.Contact read = x.contact();
        boolean sms = conversation.getChannel() == Channel.SMS || conversation.getChannel() == Channel.WHATSAPP;
        String email = read.email() != null ? read.email() : sms ? null : conversation.getCounterpart();
        String phone = read.phone() != null ? read.phone() : sms ? conversation.getCounterpart() : null;
        String name = read.name() != null ? read.name() : email != null ? email : phone;
        ContactDraft draft = ContactDraft.of(name, email, phone);
        List<ContactView> matches = contacts.duplicates(draft);
        String id = matches.isEmpty() ? contacts.create(draft, false, Optional.empty()).id() : matches.get(0).id();
        inbox.linkContact(conversation.getId(), id);
        return id;
    }

    /**
     * Open work from the last 24 hours of the same client — made from a conversation with the same address or
     * number, or, when known, linked to the contact — within the caller's scope.
     */
    private List<WorkItemView> similar(Conversation conversation, String contactId) {
        Grant read = Permissions.grant(Access.resolved(), Capability.WORK_READ);
        String jpql = "select w from WorkItem w where w.deletedAt is null and w.createdAt >= :since and w.status in :open"
                + " and (w.conversationId in (select c.id from Conversation c where c.counterpart = :counterpart)"
                + (contactId == null ? "" : " or w.contactId = :contact") + ")"
                + (read == Grant.ASSIGNED ? " and w.assignedTo = :me" : "") + " order by w.createdAt desc";
        var query = em.createQuery(jpql, WorkItem.class).setParameter("since", Instant.now().minus(SIMILAR_WITHIN)) // as created_at is stamped
                .setParameter("open", WorkItemStatus.names(WorkItemStatus.OPEN))
                .setParameter("counterpart", conversation.getCounterpart());
        if (contactId != null) {
            query.setParameter("contact", contactId);
        }
        if (read == Grant.ASSIGNED) {
            query.setParameter("me", me());
        }
        return read == Grant.NONE ? List.of() : query.setMaxResults(5).getResultStream().map(w -> work.get(w.getId())).toList();
    }

    private Extraction.Intent requestedIntent(String intent, EffectiveProfile profile) {
        if (intent == null) {
            return null;
        }
        Extraction.Intent chosen = null;
        for (Extraction.Intent i : Extraction.Intent.values()) {
            if (i != Extraction.Intent.NONE && i.name().equals(intent)) {
                chosen = i;
            }
        }
        if (chosen == null || !offered(chosen, profile)) {
            throw new ValidationException("intent", "One of " + offered(profile));
        }
        return chosen;
    }

    /** The kinds of draft this business can make (quotes, invoices and expenses only where its profile has them). */
    private static boolean offered(Extraction.Intent intent, EffectiveProfile profile) {
        return switch (intent) {
            case DRAFT_QUOTE -> profile.capability("quotes");
            case DRAFT_INVOICE -> profile.capability("invoices");
            case DRAFT_EXPENSE -> profile.capability("expenses");
            case NONE -> false;
            default -> true;
        };
    }

    private static List<String> offered(EffectiveProfile profile) {
        List<String> names = new ArrayList<>();
        for (Extraction.Intent i : Extraction.Intent.values()) {
            if (offered(i, profile)) {
                names.add(i.name());
            }
        }
        return names;
    }

    /** Up to three intents, the reading's first, then its runners-up; a work item when nothing fits. */
    /** A work item's draft offers what its notes can become, the reading's best first; any other source as read. */
    static List<String> suggestions(Extraction read, EffectiveProfile profile, AiDraft.Source source) {
        if (source != AiDraft.Source.WORK_ITEM) {
            return suggestions(read, profile);
        }
        List<Extraction.Intent> ranked = new ArrayList<>(List.of(read.intent()));
        ranked.addAll(read.alternatives());
        ranked.addAll(FROM_NOTES);
        return ranked.stream().filter(i -> FROM_NOTES.contains(i) && offered(i, profile)).map(Enum::name).distinct().toList();
    }

    static List<String> suggestions(Extraction read, EffectiveProfile profile) {
        Set<String> out = new LinkedHashSet<>();
        List<Extraction.Intent> ranked = new ArrayList<>();
        ranked.add(read.intent());
        ranked.addAll(read.alternatives());
        for (Extraction.Intent i : ranked) {
            if (offered(i, profile) && out.size() < 3) {
                out.add(i.name());
            }
        }
        if (out.isEmpty()) {
            out.add(Extraction.Intent.CREATE_WORK_ITEM.name());
        }
        return List.copyOf(out);
    }

    private static Extraction nothingRead() {
        return new Extraction(Extraction.Intent.NONE, null, List.of(), null, null, null, null,
                new Extraction.Contact(null, null, null), 0, Map.of(), List.of());
    }

    private Inbound inbound(InboxMessage m, Conversation c, Tenant tenant, EffectiveProfile profile) {
        String channel = c.getChannel() == Channel.SMS || c.getChannel() == Channel.WHATSAPP ? "SMS" : "EMAIL";
        String address = m.getFromAddress() == null ? c.getCounterpart() : m.getFromAddress();
        String from = m.getFromName() == null || m.getFromName().isBlank() ? address : m.getFromName() + " <" + address + ">";
        Instant at = m.getReceivedAt() != null ? m.getReceivedAt() : m.getCreatedAt();
        return new Inbound(channel, from, m.getSubject(), m.getBodyText(), at.atZone(tenant.zone()).toOffsetDateTime(),
                profile.profileId(), tenant.getCurrency(), tenant.getCountry());
    }

    private void require(AiDraft d, AiDraftStatus.Action action, EffectiveProfile profile, Grant grant) {
        if (!d.getStatus().allows(action)) {
            throw new ConflictException("This draft is " + d.getStatus().name().toLowerCase().replace('_', ' ')
                    + "; it cannot be " + action.apiName().replace('_', ' ') + " now", view(d, profile, grant));
        }
    }

    /** A draft the caller may see: for a message's draft, the caller must see the conversation (an agent's scope). */
    private AiDraft find(String id) {
        AiDraft d = isId(id) ? em.find(AiDraft.class, id) : null;
        if (d == null || d.getDeletedAt() != null) {
            throw new NotFoundException("draft");
        }
        try {
            if (d.getSourceType() == AiDraft.Source.MESSAGE) {
                inbox.requireMessage(d.getSourceId());
            } else if (d.getSourceType() == AiDraft.Source.WORK_ITEM) {
                work.get(d.getSourceId());
            }
        } catch (NotFoundException e) {
            throw new NotFoundException("draft");
        }
        return d;
    }

    private AiDraft locked(String id) {
        AiDraft d = find(id);
        em.lock(d, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(d);
        return d;
    }

    private AiDraftView view(AiDraft d, EffectiveProfile profile, Grant grant) {
        Extraction payload = ExtractionJson.read(d.getPayload(), "payload");
        Extraction suggested = d.getSuggestedPayload() == null ? payload : ExtractionJson.read(d.getSuggestedPayload(), "payload");
        List<String> actions = new ArrayList<>();
        boolean decide = Permissions.allows(Access.resolved(), Capability.AI_DRAFTS_APPROVE);
        for (AiDraftStatus.Action a : AiDraftStatus.Action.values()) {
            boolean may = a == AiDraftStatus.Action.EDIT || a == AiDraftStatus.Action.SEND_TO_QC ? grant != Grant.NONE : decide;
            if (may && d.getStatus().allows(a)) {
                actions.add(a.apiName());
            }
        }
        return new AiDraftView(d.getId(), d.getSourceType().name(), d.getSourceId(), d.getConversationId(), d.getIntent(),
                d.getStatus().name(), payload, suggestions(suggested, profile, d.getSourceType()), d.getConfidence(),
                Extraction.band(d.getConfidence()), Payloads.changed(d.getSuggestedPayload(), d.getPayload()),
                d.getQcRequestedAt(), d.getReviewerId(), d.getReviewedBy(), d.getReviewedAt(), d.getReviewNotes(),
                d.getAppliedEntityType(), d.getAppliedEntityId(), d.getAppliedAt(), d.isAutoApplied(), d.getParseMillis(), d.getCreatedAt(),
                d.getVersion(), List.copyOf(actions));
    }

    private static Map<String, Object> snapshot(AiDraft d) {
        Map<String, Object> values = new HashMap<>();
        values.put("status", d.getStatus().name());
        values.put("intent", d.getIntent());
        values.put("payload", d.getPayload());
        values.put("review_notes", d.getReviewNotes());
        values.put("reviewer_id", d.getReviewerId());
        values.put("qc_requested_at", d.getQcRequestedAt() == null ? null : d.getQcRequestedAt().toString());
        values.put("applied_entity_type", d.getAppliedEntityType());
        values.put("applied_entity_id", d.getAppliedEntityId());
        values.put("version", d.getVersion());
        return values;
    }

    private Tenant tenant() {
        return em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
    }

    private ZoneId zone() {
        return tenant().zone();
    }

    private static String me() {
        return RequestContext.current().orElseThrow().userId();
    }
}
