package com.smbhub.web.aidraft;

import com.smbhub.aidraft.AiDraftQueue;
import com.smbhub.aidraft.AiDraftService;
import com.smbhub.aidraft.AiDraftView;
import com.smbhub.extract.Extraction;
import com.smbhub.platform.tenancy.Background;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Problems;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Waiting;
import com.smbhub.web.shell.Words;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AI panel (PRD 10.5, screen 9): what Text-to-Task read from a message — the suggested kinds of draft, the
 * source with the values it found marked, an editable preview with a High/Med/Low badge per field — and "Apply
 * as draft", "Send to QC", "Reject". Applying makes the work item, quote or invoice in DRAFT state; nothing is sent.
 * Platform ops review a draft sent to QC in the same panel ({@link Actions#review}): "Approve + Apply", "Reject",
 * "Take it", review notes and "Next" (Alt+N), with the business named in the header.
 */
public class AiDraftPanel extends Dialog {

    private static final Map<String, String> KINDS = Map.of("CREATE_WORK_ITEM", "Work item", "DRAFT_QUOTE", "Quote",
            "DRAFT_INVOICE", "Invoice", "DRAFT_AR_MESSAGE", "Payment follow-up", "DRAFT_EXPENSE", "Expense");

    /** What a draft of this intent makes, in words ("Quote"). */
    public static String kind(String intent) {
        return KINDS.getOrDefault(intent, Words.of(intent));
    }

    /**
     * What the panel's buttons do: the business's own calls ({@link #business}) or platform ops' on a draft sent to
     * their review ({@link #review}).
     */
    public interface Actions extends java.io.Serializable {
        AiDraftView edit(AiDraftView d, Extraction payload, String notes);

        /** Reads the draft's source again as {@code intent}, off the request thread (a model's call may take seconds). */
        Future<AiDraftView> reaim(AiDraftView d, String intent);

        AiDraftView apply(AiDraftView d, boolean createAnyway);

        AiDraftView sendToQc(AiDraftView d);

        AiDraftView reject(AiDraftView d, String notes);

        AiDraftView claim(AiDraftView d);

        /** Platform ops reviewing (notes, "Take it", no "Send to QC", no way into the business's screens). */
        boolean reviewing();

        /** A draft of a received message ({@code messageId}) or of a work item's notes ({@code workItemId}); one is null. */
        static Actions business(AiDraftService drafts, Background background, String messageId, String workItemId) {
            return new Actions() {
                @Override public AiDraftView edit(AiDraftView d, Extraction p, String notes) { return drafts.edit(d.id(), d.version(), p, notes); }
                @Override public Future<AiDraftView> reaim(AiDraftView d, String intent) {
                    return background.start(() -> (workItemId != null ? drafts.parseWorkItem(workItemId, intent)
                            : drafts.parseMessage(messageId, intent)).draft());
                }
                @Override public AiDraftView apply(AiDraftView d, boolean anyway) { return drafts.apply(d.id(), anyway); }
                @Override public AiDraftView sendToQc(AiDraftView d) { return drafts.sendToQc(d.id()); }
                @Override public AiDraftView reject(AiDraftView d, String notes) { return drafts.reject(d.id(), notes); }
                @Override public AiDraftView claim(AiDraftView d) { throw new UnsupportedOperationException(); }
                @Override public boolean reviewing() { return false; }
            };
        }

        static Actions review(AiDraftQueue queue, Background background) {
            return new Actions() {
                @Override public AiDraftView edit(AiDraftView d, Extraction p, String notes) { return queue.edit(d.id(), d.version(), p, notes); }
                @Override public Future<AiDraftView> reaim(AiDraftView d, String intent) {
                    return background.start(() -> queue.reaim(d.id(), intent));
                }
                @Override public AiDraftView apply(AiDraftView d, boolean anyway) { return queue.approveAndApply(d.id(), anyway); }
                @Override public AiDraftView sendToQc(AiDraftView d) { throw new UnsupportedOperationException(); }
                @Override public AiDraftView reject(AiDraftView d, String notes) { return queue.reject(d.id(), notes); }
                @Override public AiDraftView claim(AiDraftView d) { return queue.claim(d.id()); }
                @Override public boolean reviewing() { return true; }
            };
        }
    }

    private final Actions drafts;
    private final String sourceText;
    private final TextArea notes = new TextArea("Review notes");
    private final Consumer<AiDraftView> onApplied;
    private AiDraftView draft;

    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>("Make a");
    private final Div source = new Div();
    private final TextField title = new TextField("Title");
    private final Select<String> type = Words.select("ai-type", "Type", WorkItemService.TYPES, null);
    private final Select<String> priority = Words.select("ai-priority", "Priority", WorkItemService.PRIORITIES, null);
    private final DatePicker due = Dates.picker(new DatePicker("Due"));
    private final TextField address = new TextField("Service address");
    private final TextField order = new TextField("Order reference");
    private final TextField invoiceRef = new TextField("Invoice referred to");
    private final VerticalLayout lines = new VerticalLayout();
    private final BigDecimalField total = new BigDecimalField("Total");
    private final TextField name = new TextField("Client name");
    private final TextField email = new TextField("Client e-mail");
    private final TextField phone = new TextField("Client phone");
    private final TextField vendor = new TextField("Vendor");
    private final BigDecimalField spent = new BigDecimalField("Amount");
    private final DatePicker spentOn = Dates.picker(new DatePicker("Date"));
    private final TextField category = new TextField("Category");
    private final Component[] workOnly;
    private final HorizontalLayout expense;
    private final Span overall = new Span();
    private final Paragraph nothingRead = new Paragraph("Nothing could be read from this: fill in the draft by hand, with the text"
            + " above beside you.");
    private final Span linesSure = new Span();
    private final VerticalLayout money = new VerticalLayout();
    private final List<LineRow> lineRows = new ArrayList<>();
    private final ProgressBar rereading = new ProgressBar();
    private final List<Button> buttons = new ArrayList<>();
    private Registration reading;

    /** One editable line: what, how many, at what price. */
    private record LineRow(TextField name, BigDecimalField qty, BigDecimalField rate, HorizontalLayout row) {
    }

    /** The panel of a received message's draft, or of a work item's ({@code sourceId} the message's or the work item's). */
    public AiDraftPanel(AiDraftService drafts, Background background, AiDraftView draft, String sourceId, String sourceText,
                        Consumer<AiDraftView> onApplied) {
        this(draft.sourceType().equals("WORK_ITEM") ? Actions.business(drafts, background, null, sourceId)
                : Actions.business(drafts, background, sourceId, null),
                draft, "Turn into…", sourceText, onApplied, null);
    }

    /**
     * {@code onDone} gets the draft once it was applied or rejected (and ops' "Next" the one left open when
     * {@code next} is given).
     */
    public AiDraftPanel(Actions drafts, AiDraftView draft, String heading, String sourceText, Consumer<AiDraftView> onDone,
                        Runnable next) {
        this.drafts = drafts;
        this.sourceText = sourceText == null ? "" : sourceText;
        this.onApplied = onDone;
        setId("ai-panel");
        setHeaderTitle(heading);
        setWidth("min(52rem, 100vw)");
        overall.setId("ai-confidence");
        getHeader().add(overall);
        kind.setId("ai-kind");
        kind.setItemLabelGenerator(AiDraftPanel::kind);
        kind.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                reaim(e.getValue());
            }
        });
        source.setId("ai-source");
        source.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("max-height", "10rem")
                .set("overflow", "auto").set("padding", "var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-contrast-5pct)").set("font-size", "var(--lumo-font-size-s)");
        title.setId("ai-title");
        title.setWidthFull();
        title.setMaxLength(200);
        due.setId("ai-due");
        address.setId("ai-address");
        address.setWidthFull();
        order.setId("ai-order");
        invoiceRef.setId("ai-invoice-ref");
        lines.setId("ai-lines");
        lines.setPadding(false);
        lines.setSpacing(false);
        total.setId("ai-total");
        name.setId("ai-contact-name");
        email.setId("ai-contact-email");
        phone.setId("ai-contact-phone");
        Button addLine = new Button("Add line", VaadinIcon.PLUS.create(), e -> addLine(null));
        addLine.setId("ai-add-line");
        addLine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        money.setPadding(false);
        linesSure.setId("ai-lines-confidence");
        HorizontalLayout linesHead = new HorizontalLayout(new H4("Lines"), linesSure);
        linesHead.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        money.add(linesHead, lines, addLine, total);
        HorizontalLayout work = row(type, priority, due);
        HorizontalLayout refs = row(order, invoiceRef);
        HorizontalLayout client = row(name, email, phone);
        vendor.setId("ai-expense-vendor");
        vendor.setMaxLength(200);
        spent.setId("ai-expense-amount");
        spentOn.setId("ai-expense-date");
        category.setId("ai-expense-category");
        category.setMaxLength(100);
        expense = row(vendor, spent, spentOn, category);
        expense.setId("ai-expense");
        H4 clientHead = new H4("Client");
        workOnly = new Component[] {title, work, address, refs, clientHead, client};
        Paragraph safe = new Paragraph("Applying makes a draft you can check; nothing is sent to anyone.");
        safe.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        nothingRead.setId("ai-nothing-read");
        nothingRead.getStyle().set("color", "var(--lumo-error-text-color)");
        rereading.setId("ai-rereading");
        rereading.setIndeterminate(true);
        rereading.setVisible(false);
        add(kind, rereading, source, nothingRead, title, work, address, refs, money, expense, clientHead, client, safe);
        notes.setId("ai-notes");
        notes.setWidthFull();
        notes.setMaxLength(2000);
        notes.setValue(draft.reviewNotes() == null ? "" : draft.reviewNotes());
        notes.setVisible(drafts.reviewing());
        add(notes);

        boolean review = drafts.reviewing();
        Button apply = new Button(review ? "Approve + Apply" : "Apply as draft", VaadinIcon.CHECK.create(), e -> apply(false));
        apply.setId("ai-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        Button qc = new Button("Send to QC", e -> sendToQc());
        qc.setId("ai-send-to-qc");
        Button reject = new Button("Reject", e -> reject());
        reject.setId("ai-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Button cancel = new Button(review ? "Close" : "Cancel", e -> close());
        cancel.setId("ai-cancel");
        Button claim = new Button("Take it", VaadinIcon.USER_CHECK.create(), e -> claim());
        claim.setId("ai-claim");
        Button save = new Button("Save notes", e -> saveNotes());
        save.setId("ai-save-notes");
        Button following = new Button("Next", VaadinIcon.ARROW_RIGHT.create(), e -> {
            close();
            next.run();
        });
        following.setId("ai-next");
        following.addClickShortcut(Key.KEY_N, KeyModifier.ALT);
        following.setTooltipText("Alt+N");
        getFooter().add(reject, cancel, following, claim, save, qc, apply);
        buttons.addAll(List.of(reject, following, claim, save, qc, apply));
        addDetachListener(e -> stopReading());
        show(draft);
        boolean open = draft.allowedActions().contains("edit");
        apply.setVisible(draft.allowedActions().contains("apply"));
        qc.setVisible(!review && draft.allowedActions().contains("send_to_qc"));
        reject.setVisible(draft.allowedActions().contains("reject"));
        claim.setVisible(review && open);
        save.setVisible(review && open);
        following.setVisible(next != null);
    }

    private static HorizontalLayout row(Component... fields) {
        HorizontalLayout row = new HorizontalLayout(fields);
        row.setWidthFull();
        row.getStyle().set("flex-wrap", "wrap");
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void show(AiDraftView d) {
        this.draft = d;
        Extraction x = d.payload();
        kind.setItems(kinds(d));
        kind.setValue(d.intent());
        overall.setText(ConfidenceBadge.word(d.confidence()) + " confidence");
        nothingRead.setVisible(d.confidence() == 0);
        overall.getElement().getThemeList().clear();
        overall.getElement().getThemeList().add(ConfidenceBadge.theme(d.confidence()));
        Extraction.WorkItem w = x.workItem();
        title.setValue(w == null || w.title() == null ? "" : w.title());
        type.setValue(w == null ? null : w.type());
        priority.setValue(w == null ? null : w.priority());
        due.setValue(w == null ? null : w.dueDate());
        address.setValue(w == null || w.serviceAddress() == null ? "" : w.serviceAddress());
        order.setValue(w == null || w.externalOrderId() == null ? "" : w.externalOrderId());
        invoiceRef.setValue(x.invoiceRef() == null ? "" : x.invoiceRef());
        lines.removeAll();
        lineRows.clear();
        x.lineItems().forEach(this::addLine);
        total.setValue(x.total());
        name.setValue(x.contact().name() == null ? "" : x.contact().name());
        email.setValue(x.contact().email() == null ? "" : x.contact().email());
        phone.setValue(x.contact().phone() == null ? "" : x.contact().phone());
        Extraction.Expense bought = x.expense();
        vendor.setValue(bought == null || bought.vendor() == null ? "" : bought.vendor());
        spent.setValue(bought != null && bought.amount() != null ? bought.amount() : x.total());
        spentOn.setValue(bought == null ? null : bought.date());
        category.setValue(bought == null || bought.category() == null ? "" : bought.category());
        Map<String, Double> sure = x.fieldConfidence();
        badge(title, sure, "work_item.title");
        badge(type, sure, "work_item.type");
        badge(priority, sure, "work_item.priority");
        badge(due, sure, "work_item.due_date");
        badge(address, sure, "work_item.service_address");
        badge(order, sure, "work_item.external_order_id");
        badge(invoiceRef, sure, "invoice_ref");
        badge(total, sure, "total");
        badge(name, sure, "contact.name");
        badge(email, sure, "contact.email");
        badge(phone, sure, "contact.phone");
        badge(vendor, sure, "expense.vendor");
        badge(spent, sure, "expense.amount");
        badge(spentOn, sure, "expense.date");
        badge(category, sure, "expense.category");
        Double linesRead = sure.get("line_items");
        linesSure.setVisible(linesRead != null);
        linesSure.getElement().getThemeList().clear();
        if (linesRead != null) {
            linesSure.setText(ConfidenceBadge.word(linesRead));
            linesSure.getElement().getThemeList().add(ConfidenceBadge.theme(linesRead) + " small");
        }
        boolean document = d.intent().equals("DRAFT_QUOTE") || d.intent().equals("DRAFT_INVOICE");
        money.setVisible(document);
        boolean bill = d.intent().equals("DRAFT_EXPENSE");
        expense.setVisible(bill);
        boolean ofWorkItem = d.sourceType().equals("WORK_ITEM"); // the work item and its client exist
        for (Component c : workOnly) {
            c.setVisible(!bill && !ofWorkItem);
        }
        invoiceRef.setVisible(d.intent().equals("DRAFT_INVOICE") || d.intent().equals("DRAFT_AR_MESSAGE"));
        source.getElement().setProperty("innerHTML", marked(sourceText, found(x)));
    }

    private static List<String> kinds(AiDraftView d) {
        List<String> out = new ArrayList<>(d.suggestedIntents());
        if (!out.contains(d.intent())) {
            out.add(0, d.intent());
        }
        if (!out.contains("CREATE_WORK_ITEM") && !d.sourceType().equals("WORK_ITEM")) {
            out.add("CREATE_WORK_ITEM");
        }
        return out;
    }

    private void addLine(Extraction.Line line) {
        TextField what = new TextField();
        what.setPlaceholder("Item");
        what.setValue(line == null || line.name() == null ? "" : line.name());
        what.addClassName("ai-line-name");
        BigDecimalField qty = new BigDecimalField();
        qty.setPlaceholder("Qty");
        qty.setValue(line == null ? BigDecimal.ONE : line.qty());
        qty.addClassName("ai-line-qty");
        qty.setWidth("6rem");
        BigDecimalField rate = new BigDecimalField();
        rate.setPlaceholder("Price");
        rate.setValue(line == null ? null : line.rate());
        rate.addClassName("ai-line-rate");
        rate.setWidth("8rem");
        HorizontalLayout row = new HorizontalLayout(what, qty, rate);
        LineRow entry = new LineRow(what, qty, rate, row);
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            lineRows.remove(entry);
            lines.remove(row);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        remove.setAriaLabel("Remove line");
        row.add(remove);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        lineRows.add(entry);
        lines.add(row);
    }

    private static void badge(Component field, Map<String, Double> sure, String key) {
        Double v = sure.get(key);
        if (v == null && key.contains(".")) {
            v = sure.get(key.substring(0, key.indexOf('.')).equals("work_item") ? key : key.substring(0, key.indexOf('.')));
        }
        ConfidenceBadge.on(field, v);
    }

    /** The values the reading found, as they may appear in the text. */
    private static List<String> found(Extraction x) {
        List<String> out = new ArrayList<>();
        if (x.workItem() != null) {
            out.add(x.workItem().serviceAddress());
            out.add(x.workItem().externalOrderId());
        }
        out.add(x.invoiceRef());
        if (x.expense() != null) {
            out.add(x.expense().vendor());
        }
        out.add(x.contact().name());
        out.add(x.contact().email());
        out.add(x.contact().phone());
        for (Extraction.Line l : x.lineItems()) {
            out.add(l.name());
            if (l.rate() != null) {
                out.add("$" + l.rate().stripTrailingZeros().toPlainString());
            }
        }
        if (x.total() != null) {
            out.add("$" + x.total().stripTrailingZeros().toPlainString());
        }
        return out.stream().filter(v -> v != null && v.length() >= 2).toList();
    }

    /** The text, HTML-escaped, with each found value marked (case folded, longest first). */
    static String marked(String text, List<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort((a, b) -> b.length() - a.length());
        boolean[] mark = new boolean[text.length()];
        for (String v : sorted) {
            for (int at = 0; at + v.length() <= text.length(); at++) {
                if (text.regionMatches(true, at, v, 0, v.length())) {
                    java.util.Arrays.fill(mark, at, at + v.length(), true);
                    at += v.length() - 1;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            if (mark[i] != open) {
                out.append(mark[i] ? "<mark class=\"ai-found\">" : "</mark>");
                open = mark[i];
            }
            char c = text.charAt(i);
            out.append(switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> String.valueOf(c);
            });
        }
        if (open) {
            out.append("</mark>");
        }
        return out.toString();
    }

    /** The preview as a payload: the person's values over the reading. */
    private Extraction edited() {
        Extraction x = draft.payload();
        List<Extraction.Line> items = new ArrayList<>();
        if (money.isVisible()) {
            for (LineRow r : lineRows) {
                if (!r.name().getValue().isBlank() || r.rate().getValue() != null) {
                    items.add(new Extraction.Line(blank(r.name().getValue()), r.qty().getValue(), r.rate().getValue()));
                }
            }
        } else {
            items.addAll(x.lineItems());
        }
        Extraction.WorkItem w = new Extraction.WorkItem(type.getValue(), blank(title.getValue()), due.getValue(),
                priority.getValue(), blank(address.getValue()), blank(order.getValue()));
        return new Extraction(Extraction.Intent.valueOf(kind.getValue()), w, items, money.isVisible() ? total.getValue() : x.total(),
                x.currency(), expense.isVisible() ? new Extraction.Expense(blank(vendor.getValue()), spent.getValue(),
                        spentOn.getValue(), blank(category.getValue())) : x.expense(), blank(invoiceRef.getValue()),
                new Extraction.Contact(blank(name.getValue()), blank(email.getValue()), blank(phone.getValue())),
                x.confidence(), x.fieldConfidence(), x.alternatives());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> byField = new LinkedHashMap<>();
        byField.put("payload.work_item.title", title);
        byField.put("title", title);
        byField.put("payload.work_item.due_date", due);
        byField.put("due_at", due);
        byField.put("payload.work_item.service_address", address);
        byField.put("labels_json.service_address", address);
        byField.put("payload.work_item.external_order_id", order);
        byField.put("payload.invoice_ref", invoiceRef);
        byField.put("payload.total", total);
        byField.put("payload.contact.name", name);
        byField.put("payload.contact.email", email);
        byField.put("email", email);
        byField.put("payload.contact.phone", phone);
        byField.put("phone", phone);
        byField.put("payload.expense.vendor", vendor);
        byField.put("vendor", vendor);
        byField.put("payload.expense.amount", spent);
        byField.put("amount", spent);
        byField.put("payload.expense.date", spentOn);
        byField.put("date", spentOn);
        byField.put("payload.expense.category", category);
        byField.put("category", category);
        return byField;
    }

    /** Keeps the person's corrections (when there are any) before a decision. */
    private AiDraftView save() {
        Extraction now = edited();
        if (com.smbhub.extract.ExtractionJson.text(now).equals(com.smbhub.extract.ExtractionJson.text(draft.payload()))) {
            return draft;
        }
        return drafts.edit(draft, now, null);
    }

    /** Reads the source again as another kind while the panel shows progress; its buttons wait for the answer. */
    private void reaim(String intent) {
        AiDraftView saved;
        try {
            saved = save();
        } catch (ValidationException e) {
            kind.setValue(draft.intent());
            FieldErrors.show(e, fields());
            return;
        } catch (RuntimeException e) {
            kind.setValue(draft.intent());
            Toasts.problem(Problems.say(e));
            return;
        }
        draft = saved;
        if (saved.intent().equals(intent)) {
            show(saved);
            return;
        }
        Future<AiDraftView> read;
        try {
            read = drafts.reaim(saved, intent);
        } catch (RuntimeException e) {
            kind.setValue(saved.intent());
            Toasts.problem(Problems.say(e));
            return;
        }
        busy(true);
        stopReading();
        reading = Waiting.until(UI.getCurrent(), read, d -> {
            busy(false);
            show(d);
        }, problem -> {
            busy(false);
            kind.setValue(draft.intent());
            Toasts.problem(Problems.say(problem));
        });
    }

    private void busy(boolean on) {
        rereading.setVisible(on);
        kind.setEnabled(!on);
        buttons.forEach(b -> b.setEnabled(!on));
    }

    private void stopReading() {
        if (reading != null) {
            reading.remove();
            reading = null;
        }
    }

    private void apply(boolean anyway) {
        try {
            AiDraftView saved = save();
            draft = saved;
            AiDraftView done = drafts.apply(saved, anyway);
            close();
            onApplied.accept(done);
        } catch (AiDraftService.SimilarWorkException e) {
            similar(e);
        } catch (ValidationException e) {
            FieldErrors.show(e, fields());
        } catch (ConflictException e) {
            Toasts.problem(Problems.say(e));
            if (e.current() instanceof AiDraftView current) {
                show(current);
            }
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    @SuppressWarnings("unchecked")
    private void similar(AiDraftService.SimilarWorkException e) {
        List<WorkItemView> items = (List<WorkItemView>) e.current();
        ConfirmDialog ask = new ConfirmDialog();
        ask.setId("ai-similar");
        ask.setHeader("Similar work already open");
        StringBuilder text = new StringBuilder("This client has open work from the last 24 hours:");
        items.forEach(w -> text.append("\n• ").append(w.title()));
        Div body = new Div();
        body.setText(text.toString());
        body.getStyle().set("white-space", "pre-wrap");
        ask.setText(body);
        ask.setCancelable(true);
        ask.setCancelText("Cancel");
        ask.setRejectable(!drafts.reviewing());
        ask.setRejectText("Open it");
        ask.addRejectListener(r -> {
            close();
            getUI().ifPresent(ui -> ui.navigate("work", com.vaadin.flow.router.QueryParameters.of("item", items.get(0).id())));
        });
        ask.setConfirmText("Create anyway");
        ask.addConfirmListener(c -> apply(true));
        ask.open();
    }

    private void sendToQc() {
        try {
            draft = save();
            drafts.sendToQc(draft);
            Toasts.done("Sent to the review team; you can still apply it here");
            close();
        } catch (ValidationException e) {
            FieldErrors.show(e, fields());
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    private void reject() {
        try {
            AiDraftView done = drafts.reject(draft, drafts.reviewing() ? blank(notes.getValue()) : null);
            Toasts.done("Draft rejected");
            close();
            if (drafts.reviewing()) {
                onApplied.accept(done);
            }
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    private void claim() {
        try {
            show(drafts.claim(draft));
            Toasts.done("The review is yours");
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    /** Keeps the corrections and the review notes without deciding. */
    private void saveNotes() {
        try {
            AiDraftView saved = save();
            show(drafts.edit(saved, null, notes.getValue().strip()));
            Toasts.done("Notes saved");
        } catch (ValidationException e) {
            FieldErrors.show(e, fields());
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }
}
