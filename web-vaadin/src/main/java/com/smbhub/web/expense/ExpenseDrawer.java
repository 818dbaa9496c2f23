package com.smbhub.web.expense;

import com.smbhub.expense.ExpenseFields;
import com.smbhub.expense.ExpenseService;
import com.smbhub.expense.ExpenseView;
import com.smbhub.file.FileService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.aidraft.ConfidenceBadge;
import com.smbhub.web.file.FilesPanel;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.PhoneScreens;
import com.smbhub.web.shell.Problems;
import com.smbhub.web.shell.Toasts;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemView;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One expense in a drawer (PRD 10.3.6): the receipt beside the fields, each read value with how sure the reading
 * is, and Save / Submit / Approve / Reject / Delete as the expense and the caller's role allow.
 */
class ExpenseDrawer extends Dialog {

    private static final Map<String, String> SCAN = Map.of(
            "NO_TEXT", "No text was found on the receipt; fill in the expense by hand.",
            "OCR_UNAVAILABLE", "Reading pictures (OCR) is not available on this server right now; the receipt is kept, fill in the expense by hand.",
            "UNSUPPORTED", "This kind of file cannot be read; the receipt is kept, fill in the expense by hand.",
            "UNREADABLE", "The receipt could not be read; it is kept, fill in the expense by hand.");

    private final ExpenseService expenses;
    private final Runnable changed;
    private ExpenseView expense;

    private final TextField vendor = new TextField("Vendor");
    private final DatePicker date = Dates.picker(new DatePicker("Date"));
    private final BigDecimalField amount = new BigDecimalField("Amount");
    private final TextField currency = new TextField("Currency");
    private final TextField category = new TextField("Category");
    private final BigDecimalField tax = new BigDecimalField("Tax");
    private final TextArea notes = new TextArea("Notes");
    private final ComboBox<WorkItemView> job = new ComboBox<>("Spent on");
    /** The work item the expense is on when this reader cannot see it: kept as it is. */
    private String unseenJob;

    ExpenseDrawer(ExpenseService expenses, FileService files, WorkItemService work, ExpenseView expense, Runnable changed) {
        this.expenses = expenses;
        this.changed = changed;
        this.expense = expense;
        setId("expense-drawer");
        getElement().getThemeList().add("drawer");
        PhoneScreens.withBack(this);
        setWidth("min(60rem, 100vw)");
        setHeaderTitle(ExpensesView.STATUS.get(expense.status()) + " expense");
        vendor.setId("expense-vendor");
        vendor.setMaxLength(200);
        date.setId("expense-date");
        amount.setId("expense-amount");
        currency.setId("expense-currency");
        currency.setMaxLength(3);
        currency.setWidth("7rem");
        category.setId("expense-category");
        category.setMaxLength(200);
        tax.setId("expense-tax");
        notes.setId("expense-notes");
        notes.setMaxLength(2000);
        notes.setWidthFull();
        job.setId("expense-work-item");
        job.setPlaceholder("Type 2 letters of a title");
        job.setHelperText("The job this was bought for, if any");
        job.setClearButtonVisible(true);
        job.setItemLabelGenerator(WorkItemView::title);
        job.setItems(query -> query.getOffset() > 0 ? Stream.empty()
                : work.search(query.getFilter().orElse(""), Math.min(query.getLimit(), 50)).stream());
        job.setWidthFull();
        if (expense.workItemId() != null) {
            try {
                job.setValue(work.get(expense.workItemId()));
            } catch (RuntimeException notSeen) {
                unseenJob = expense.workItemId();
            }
        }
        VerticalLayout form = new VerticalLayout(vendor, date, amount, currency, category, tax, job, notes);
        form.setPadding(false);
        form.setWidth("22rem");
        form.getStyle().set("flex", "1 1 18rem");
        VerticalLayout receipt = new VerticalLayout();
        receipt.setPadding(false);
        receipt.getStyle().set("flex", "1 1 18rem");
        if (expense.receiptFileId() != null) {
            var content = FilesPanel.download(files, expense.receiptFileId());
            if (files.get(expense.receiptFileId()).mimeType().startsWith("image/")) {
                Image picture = new Image(content, "The receipt");
                picture.setId("expense-receipt");
                picture.setMaxWidth("100%");
                picture.getStyle().set("max-height", "70vh").set("object-fit", "contain");
                receipt.add(picture);
            }
            receipt.add(new Anchor(content, "Download the receipt"));
        } else {
            receipt.add(new Paragraph("No receipt attached."));
        }
        if (expense.scanStatus() != null && SCAN.containsKey(expense.scanStatus())) {
            Paragraph scan = new Paragraph(SCAN.get(expense.scanStatus()));
            scan.setId("expense-scan");
            scan.getStyle().set("color", "var(--lumo-error-text-color)");
            receipt.add(scan);
        }
        if (expense.reviewNotes() != null) {
            receipt.add(new Paragraph("Review notes: " + expense.reviewNotes()));
        }
        FlexLayout body = new FlexLayout(receipt, form);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.getStyle().set("gap", "var(--lumo-space-l)");
        add(body);
        show(expense);

        boolean edit = expense.allowedActions().contains("edit");
        Button save = new Button("Save", e -> save());
        save.setId("expense-save");
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
        Button submit = new Button("Submit", e -> decide("submit"));
        submit.setId("expense-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button approve = new Button("Approve", e -> decide("approve"));
        approve.setId("expense-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject", e -> decide("reject"));
        reject.setId("expense-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button delete = new Button("Delete", e -> confirmDelete());
        delete.setId("expense-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Button close = new Button("Close", e -> close());
        close.setId("expense-close");
        getFooter().add(delete, close, save, reject, submit, approve);
        save.setVisible(edit);
        submit.setVisible(expense.allowedActions().contains("submit"));
        approve.setVisible(expense.allowedActions().contains("approve"));
        reject.setVisible(expense.allowedActions().contains("reject"));
        delete.setVisible(expense.allowedActions().contains("delete"));
        for (HasValue<?, ?> field : new HasValue<?, ?>[] {vendor, date, amount, currency, category, tax, job, notes}) {
            field.setReadOnly(!edit);
        }
    }

    private void show(ExpenseView e) {
        this.expense = e;
        vendor.setValue(e.vendor() == null ? "" : e.vendor());
        date.setValue(e.date());
        amount.setValue(e.amount());
        currency.setValue(e.currency() == null ? "" : e.currency());
        category.setValue(e.category() == null ? "" : e.category());
        tax.setValue(e.tax());
        notes.setValue(e.notes() == null ? "" : e.notes());
        badge(vendor, "vendor");
        badge(date, "expense_date");
        badge(amount, "amount");
        badge(category, "category");
        badge(tax, "tax_total");
    }

    private void badge(com.vaadin.flow.component.Component field, String key) {
        ExpenseView.Suggestion s = expense.suggested().get(key);
        ConfidenceBadge.on(field, s == null ? null : s.confidence());
    }

    private ExpenseView saved() {
        ExpenseFields fields = new ExpenseFields(vendor.getValue(), date.getValue(), amount.getValue(), currency.getValue(),
                category.getValue(), tax.getValue(), notes.getValue(), job.getValue() == null ? unseenJob : job.getValue().id());
        return expenses.update(expense.id(), expense.version(), fields);
    }

    private void save() {
        try {
            show(saved());
            Toasts.done("Expense saved");
            changed.run();
        } catch (ValidationException e) {
            FieldErrors.show(e, fields());
        } catch (ConflictException e) {
            Toasts.problem(Problems.say(e));
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    /** Submit saves the fields first; approve and reject decide what was submitted. */
    private void decide(String action) {
        try {
            ExpenseView done = switch (action) {
                case "submit" -> {
                    ExpenseView kept = saved();
                    yield expenses.submit(kept.id());
                }
                case "approve" -> expenses.approve(expense.id());
                default -> expenses.reject(expense.id(), null);
            };
            Toasts.done("Expense " + ExpensesView.STATUS.get(done.status()).toLowerCase());
            changed.run();
            close();
        } catch (ValidationException e) {
            FieldErrors.show(e, fields());
            Toasts.problem(Problems.say(e));
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog("Delete this expense?", "It leaves the list; its receipt stays in the"
                + " business's files.", "Delete", e -> {
                    try {
                        expenses.delete(expense.id());
                        Toasts.done("Expense deleted");
                        changed.run();
                        close();
                    } catch (RuntimeException ex) {
                        Toasts.problem(Problems.say(ex));
                    }
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> byField = new LinkedHashMap<>();
        byField.put("vendor", vendor);
        byField.put("expense_date", date);
        byField.put("amount", amount);
        byField.put("currency", currency);
        byField.put("category", category);
        byField.put("tax_total", tax);
        byField.put("notes", notes);
        byField.put("work_item_id", job);
        return byField;
    }
}
