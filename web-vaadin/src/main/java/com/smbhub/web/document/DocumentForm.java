package com.smbhub.web.document;

import com.smbhub.catalog.CatalogEntry;
import com.smbhub.catalog.CatalogService;
import com.smbhub.contact.ContactView;
import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.money.DocumentDraft;
import com.smbhub.money.LineItem;
import com.smbhub.money.MoneyText;
import com.smbhub.money.TaxCode;
import com.smbhub.money.Totals;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.status.Tone;
import com.smbhub.quote.QuoteStatus;
import com.smbhub.web.contact.ContactPicker;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The body of an invoice or quote (PRD 3.10): client, the two dates, prices before or including
 * tax, tax, lines with quick add, discount, live totals (the server's own function), notes and
 * terms; errors go to their fields and nothing typed is lost.
 */
public class DocumentForm extends VerticalLayout {

    private static final String NO_TAX = "";

    /** Invoice or quote: id prefix of the fields, the second date's label, field name and default distance. */
    public record Kind(String prefix, String noun, String dateLabel, String dateField, int defaultDays,
                       Function<String, Tone.Toned> statuses) {
        public static final Kind INVOICE = new Kind("inv", "Invoice", "Due date", "due_date", 14, InvoiceStatus::valueOf);
        public static final Kind QUOTE = new Kind("quote", "Quote", "Valid until", "expiry_date", 30, QuoteStatus::valueOf);

        /** The document's stored status as its enum. */
        public Tone.Toned status(String name) {
            return statuses.apply(name);
        }
    }

    /** The business's products and services, as a form finds and adds them. */
    public interface Catalog {
        List<CatalogEntry> search(String text);

        CatalogEntry add(CatalogEntry entry);

        static Catalog of(CatalogService service) {
            return new Catalog() {
                @Override
                public List<CatalogEntry> search(String text) {
                    return service.search(text);
                }

                @Override
                public CatalogEntry add(CatalogEntry entry) {
                    return service.add(entry);
                }
            };
        }
    }

    private final Kind kind;
    private Catalog catalog;
    private final HorizontalLayout lineTools = new HorizontalLayout();
    private String currency;
    private final TextField currencyField = new TextField("Currency");
    private final String workItemId;
    private final Map<String, TaxCode> codes = new LinkedHashMap<>();
    private final ComboBox<ContactView> contact;
    private final ContactPicker.Source contacts;
    private final DatePicker issue = Dates.picker(new DatePicker("Issue date"));
    private final DatePicker until;
    private final Select<Totals.Pricing> pricing = new Select<>();
    private final Select<String> taxCode = new Select<>();
    private final VerticalLayout lineRows = new VerticalLayout();
    private final List<LineRow> lines = new ArrayList<>();
    private final Select<String> discountType = new Select<>();
    private final BigDecimalField discountValue = new BigDecimalField("Discount");
    private final TextArea notes = new TextArea("Notes");
    private final TextArea terms = new TextArea("Terms");
    private final Span totals = new Span();
    private final Span linesError = new Span();
    private final HorizontalLayout discount;
    private final Button addLine;

    private final class LineRow extends HorizontalLayout {
        final TextField name = new TextField();
        final BigDecimalField qty = new BigDecimalField();
        final BigDecimalField rate = new BigDecimalField();
        final Select<String> tax = new Select<>();

        final Span amount = new Span();
        final Button save = new Button(VaadinIcon.BOOKMARK_O.create());

        LineRow(LineItem item) {
            addClassName("doc-line");
            name.setLabel("Description");
            name.addClassName("line-name");
            qty.setLabel("Qty");
            qty.addClassName("line-qty");
            rate.setLabel("Price");
            rate.addClassName("line-rate");
            tax.setLabel("Tax");
            tax.setItems(taxChoices());
            tax.setItemLabelGenerator(c -> NO_TAX.equals(c) ? kind.noun() + "'s tax" : c);
            tax.addClassName("line-tax");
            amount.addClassName("line-amount");
            if (item != null) {
                name.setValue(item.name());
                qty.setValue(item.qty());
                rate.setValue(item.rate());
                tax.setValue(item.taxCode() == null || item.taxCode().equals(taxCode.getValue()) ? NO_TAX : item.taxCode());
            } else {
                qty.setValue(BigDecimal.ONE);
                tax.setValue(NO_TAX);
            }
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                lines.remove(this);
                lineRows.remove(this);
                renumber();
                recompute();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel("Remove line");
            remove.addClassName("line-remove");
            save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            save.setAriaLabel("Save to catalog");
            save.setTooltipText("Save to your catalog");
            save.addClassName("line-save");
            save.setVisible(catalog != null);
            save.addClickListener(e -> saveToCatalog(this));
            qty.addValueChangeListener(e -> recompute());
            rate.addValueChangeListener(e -> recompute());
            tax.addValueChangeListener(e -> recompute());
            add(name, qty, rate, tax, amount, save, remove);
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        }

        /** qty × price, once both are there. */
        void showAmount() {
            LineItem item = item();
            amount.setText(item.qty() == null || item.rate() == null ? ""
                    : MoneyText.format(Totals.lineAmount(item, currency), currency));
        }

        LineItem item() {
            return new LineItem(name.getValue(), qty.getValue(), rate.getValue(), NO_TAX.equals(tax.getValue()) ? null : tax.getValue());
        }
    }

    /** {@code stored}: the document being opened, or null for a new one. */
    public DocumentForm(Kind kind, ContactPicker.Source contacts, List<TaxCode> taxCodes, DocumentDraft stored, String currency,
                        LocalDate today, boolean mayChangeCurrency) {
        this.kind = kind;
        this.currency = currency;
        this.workItemId = stored == null ? null : stored.workItemId();
        taxCodes.forEach(t -> codes.put(t.code(), t));
        String p = kind.prefix();
        setPadding(false);
        until = Dates.picker(new DatePicker(kind.dateLabel()));
        this.contacts = contacts;
        contact = ContactPicker.create(contacts, p + "-contact", "Client", stored == null ? null : stored.contactId());
        contact.setRequiredIndicatorVisible(true);
        issue.setId(p + "-issue");
        until.setId(p + "-due");
        pricing.setId(p + "-pricing");
        pricing.setLabel("Prices");
        pricing.setItems(Totals.Pricing.values());
        pricing.setItemLabelGenerator(v -> v == Totals.Pricing.TAX_EXCLUSIVE ? "Before tax" : "Including tax");
        taxCode.setId(p + "-tax");
        taxCode.setLabel("Tax");
        taxCode.setItems(taxChoices());
        taxCode.setItemLabelGenerator(c -> NO_TAX.equals(c) ? "No tax" : codes.containsKey(c) ? codes.get(c).name() : c);
        discountType.setItems("percent", "amount");
        discountType.setItemLabelGenerator(t -> t.equals("percent") ? "%" : currency);
        discountType.setLabel("Discount in");
        discountValue.setId(p + "-discount");
        discountType.setId(p + "-discount-type");
        notes.setId(p + "-notes");
        terms.setId(p + "-terms");
        linesError.setId(p + "-lines-error");
        linesError.getStyle().set("color", "var(--lumo-error-text-color)");
        if (stored == null) {
            issue.setValue(today);
            until.setValue(today.plusDays(kind.defaultDays()));
            pricing.setValue(Totals.Pricing.TAX_EXCLUSIVE);
            taxCode.setValue(codes.size() == 1 ? codes.keySet().iterator().next() : NO_TAX);
            discountType.setValue("percent");
        } else {
            issue.setValue(stored.issueDate());
            until.setValue(stored.dueDate());
            pricing.setValue(stored.pricing());
            taxCode.setValue(stored.taxCode() == null ? NO_TAX : stored.taxCode());
            // no discount reads as a percent, as on a new document (the API stores "none" as an amount of 0)
            boolean none = stored.discount().value().signum() == 0;
            discountType.setValue(stored.discount().percent() || none ? "percent" : "amount");
            discountValue.setValue(stored.discount().value().signum() == 0 ? null : stored.discount().value());
            notes.setValue(stored.notes() == null ? "" : stored.notes());
            terms.setValue(stored.terms() == null ? "" : stored.terms());
        }
        lineRows.setId(p + "-lines");
        lineRows.setPadding(false);
        lineRows.setSpacing(false);
        if (stored == null) {
            addLine(null);
        } else {
            stored.lines().forEach(this::addLine);
        }
        addLine = new Button("Add line", VaadinIcon.PLUS.create(), e -> {
            addLine(null);
            lines.get(lines.size() - 1).name.focus();
        });
        addLine.setId(p + "-add-line");
        addLine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        pricing.addValueChangeListener(e -> recompute());
        taxCode.addValueChangeListener(e -> recompute());
        discountType.addValueChangeListener(e -> recompute());
        discountValue.addValueChangeListener(e -> recompute());
        totals.setId(p + "-totals");
        totals.getStyle().set("font-weight", "600").set("white-space", "pre-line");
        currencyField.setId(p + "-currency");
        currencyField.setValue(currency);
        currencyField.setMaxLength(3);
        currencyField.setWidth("6rem");
        currencyField.setReadOnly(!mayChangeCurrency);
        currencyField.setHelperText(mayChangeCurrency ? null : "Owners and admins change it");
        currencyField.addValueChangeListener(e -> {
            String code = e.getValue() == null ? "" : e.getValue().trim().toUpperCase();
            if (MoneyText.isCurrency(code)) {
                this.currency = code;
                currencyField.setInvalid(false);
                recompute();
            } else {
                currencyField.setInvalid(true);
                currencyField.setErrorMessage(MoneyText.NOT_A_CURRENCY);
            }
        });
        FormLayout header = new FormLayout(contact, issue, until, pricing, taxCode, currencyField);
        header.setColspan(contact, 2);
        discount = new HorizontalLayout(discountType, discountValue);
        discount.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        FormLayout words = new FormLayout(notes, terms);
        lineTools.add(addLine);
        lineTools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        lineTools.getStyle().set("flex-wrap", "wrap");
        add(header, new H4("Lines"), lineRows, linesError, lineTools, discount, totals, words);
        recompute();
    }

    /** Bills this contact (a new document started from the contact's page). */
    public void client(String contactId) {
        ContactPicker.select(contact, contacts, contactId);
    }

    public ContactView client() {
        return contact.getValue();
    }

    /** What the form holds now, as the service takes it. */
    public DocumentDraft draft() {
        List<LineItem> items = lines.stream().map(LineRow::item).toList();
        BigDecimal off = discountValue.getValue() == null ? BigDecimal.ZERO : discountValue.getValue();
        return new DocumentDraft(contact.getValue() == null ? null : contact.getValue().id(), workItemId, issue.getValue(),
                until.getValue(), currency, pricing.getValue(), NO_TAX.equals(taxCode.getValue()) ? null : taxCode.getValue(),
                items, new Totals.Discount("percent".equals(discountType.getValue()), off), notes.getValue(), terms.getValue());
    }

    /** The service's field errors, each at its field (the lines' own errors at the lines). */
    public void show(ValidationException e) {
        Map<String, HasValidation> byField = new HashMap<>();
        byField.put("contact_id", contact);
        byField.put("issue_date", issue);
        byField.put(kind.dateField(), until);
        byField.put("tax_code", taxCode);
        byField.put("currency", currencyField);
        byField.put("discount", discountValue);
        byField.put("notes", notes);
        byField.put("terms", terms);
        for (int i = 0; i < lines.size(); i++) {
            byField.put("line_items[" + i + "].name", lines.get(i).name);
            byField.put("line_items[" + i + "].qty", lines.get(i).qty);
            byField.put("line_items[" + i + "].rate", lines.get(i).rate);
            byField.put("line_items[" + i + "].tax_code", lines.get(i).tax);
        }
        linesError.setText(e.errors().stream().filter(x -> x.field().equals("line_items")).map(x -> x.message())
                .findFirst().orElse(""));
        FieldErrors.show(new ValidationException(e.errors().stream().filter(x -> !x.field().equals("line_items")).toList()),
                byField);
    }

    private List<String> taxChoices() {
        List<String> choices = new ArrayList<>();
        choices.add(NO_TAX);
        choices.addAll(codes.keySet());
        return choices;
    }

    private void addLine(LineItem item) {
        LineRow row = new LineRow(item);
        lines.add(row);
        lineRows.add(row);
        renumber();
        recompute();
    }

    /**
     * Offers the business's catalog: "Add from catalog" finds an item by name or description and makes it a line (the
     * empty last line if there is one), and each line can be saved to the catalog in one click.
     */
    public void useCatalog(Catalog source) {
        this.catalog = source;
        ComboBox<CatalogEntry> pick = new ComboBox<>();
        pick.setId(kind.prefix() + "-catalog");
        pick.setPlaceholder("Add from catalog…");
        pick.setAriaLabel("Add from catalog");
        pick.setItems(query -> source.search(query.getFilter().orElse("")).stream().skip(query.getOffset()).limit(query.getLimit()));
        pick.setItemLabelGenerator(c -> c.name() + " · " + MoneyText.format(c.unitPrice(), currency)
                + (c.unit() == null ? "" : " / " + c.unit()));
        pick.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                addFromCatalog(e.getValue());
                pick.clear();
            }
        });
        lineTools.add(pick);
        lines.forEach(row -> row.save.setVisible(true));
    }

    /** The item as a line of one: into the empty last line, else a new one. */
    void addFromCatalog(CatalogEntry item) {
        LineRow last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        String tax = item.taxCode() == null || item.taxCode().equals(taxCode.getValue()) || !codes.containsKey(item.taxCode())
                ? NO_TAX : item.taxCode();
        if (last != null && last.name.isEmpty() && last.rate.getValue() == null) {
            last.name.setValue(item.name());
            last.qty.setValue(BigDecimal.ONE);
            last.rate.setValue(item.unitPrice());
            last.tax.setValue(tax);
        } else {
            addLine(new LineItem(item.name(), BigDecimal.ONE, item.unitPrice(), NO_TAX.equals(tax) ? null : tax));
        }
        recompute();
    }

    private void saveToCatalog(LineRow row) {
        LineItem item = row.item();
        try {
            CatalogEntry saved = catalog.add(new CatalogEntry(null, item.name(), null, item.rate(), item.taxCode(), null, 0));
            Toasts.done(saved.name() + " is in your catalog: pick it with Add from catalog");
        } catch (ValidationException e) {
            Toasts.problem(e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
        }
    }

    private void renumber() {
        for (int i = 0; i < lines.size(); i++) {
            LineRow row = lines.get(i);
            row.name.setId(kind.prefix() + "-line-" + i + "-name");
            row.qty.setId(kind.prefix() + "-line-" + i + "-qty");
            row.rate.setId(kind.prefix() + "-line-" + i + "-rate");
            row.tax.setId(kind.prefix() + "-line-" + i + "-tax");
            row.amount.setId(kind.prefix() + "-line-" + i + "-amount");
            row.save.setId(kind.prefix() + "-line-" + i + "-save");
        }
    }

    /** Live totals with the same function the server uses; lines not yet complete count as nothing. */
    private void recompute() {
        if (totals == null || pricing.getValue() == null) {
            return;
        }
        List<LineItem> items = new ArrayList<>();
        String defaultTax = NO_TAX.equals(taxCode.getValue()) ? null : taxCode.getValue();
        for (LineRow row : lines) {
            row.showAmount();
            LineItem item = row.item();
            if (item.qty() != null && item.qty().signum() > 0 && item.rate() != null && item.rate().signum() >= 0) {
                items.add(new LineItem(item.name(), item.qty(), item.rate(), item.taxCode() == null ? defaultTax : item.taxCode()));
            }
        }
        BigDecimal off = discountValue.getValue() == null || discountValue.getValue().signum() < 0 ? BigDecimal.ZERO
                : discountValue.getValue();
        Totals.Result r = Totals.compute(items, codes, pricing.getValue(),
                new Totals.Discount("percent".equals(discountType.getValue()), off), currency);
        totals.setText(totalsText(r.subtotal(), r.discountTotal(), r.taxes(), r.total(), codes, pricing.getValue(), currency));
    }

    /** "Subtotal $200.00 / Discount −$10.00 / HST 13% $24.70 / Total $214.70", a line each: the editor's and a sent document's. */
    static String totalsText(BigDecimal subtotal, BigDecimal discount, Map<String, BigDecimal> taxes, BigDecimal total,
                             Map<String, TaxCode> codes, Totals.Pricing pricing, String currency) {
        StringBuilder text = new StringBuilder("Subtotal " + MoneyText.format(subtotal, currency));
        if (discount.signum() > 0) {
            text.append("\nDiscount −").append(MoneyText.format(discount, currency));
        }
        taxes.forEach((code, amount) -> text.append("\n").append(codes.containsKey(code) ? codes.get(code).name() : code)
                .append(pricing == Totals.Pricing.TAX_INCLUSIVE ? " (included) " : " ")
                .append(MoneyText.format(amount, currency)));
        text.append("\nTotal ").append(MoneyText.format(total, currency));
        return text.toString();
    }

    /** A new document's notes and terms, as the business set them (either may be null). */
    void startWith(String notesText, String termsText) {
        notes.setValue(notesText == null ? "" : notesText);
        terms.setValue(termsText == null ? "" : termsText);
    }
}
