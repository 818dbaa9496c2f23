package com.smbhub.web.settings;

import com.smbhub.catalog.CatalogEntry;
import com.smbhub.catalog.CatalogService;
import com.smbhub.money.MoneyText;
import com.smbhub.money.TaxCode;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.PhoneCards;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings → Catalog: the products and services the business sells, with their price before tax, tax and unit —
 * picked into invoice and quote lines with "Add from catalog". New item, a row opens it to change or remove.
 */
class CatalogPanel extends VerticalLayout {

    private static final String DOCUMENTS_TAX = "";

    private final transient CatalogService catalog;
    private final List<TaxCode> taxes;
    private final String currency;
    private final Grid<CatalogEntry> grid = new Grid<>();

    CatalogPanel(CatalogService catalog, List<TaxCode> taxes, String currency) {
        this.catalog = catalog;
        this.taxes = taxes;
        this.currency = currency;
        setPadding(false);
        grid.setId("catalog-grid");
        grid.addColumn(CatalogEntry::name).setHeader("Name").setFlexGrow(3);
        grid.addColumn(c -> MoneyText.format(c.unitPrice(), currency) + (c.unit() == null ? "" : " / " + c.unit()))
                .setHeader("Price").setAutoWidth(true);
        grid.addColumn(c -> c.taxCode() == null ? "Document's tax" : c.taxCode()).setHeader("Tax").setAutoWidth(true);
        grid.addColumn(c -> c.description() == null ? "" : c.description()).setHeader("Description").setFlexGrow(4);
        grid.setEmptyStateText("Nothing in your catalog yet: add what you sell here, or save a line of an invoice or quote"
                + " with its bookmark button.");
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        PhoneCards.of(grid, c -> PhoneCards.card(c.name(), MoneyText.format(c.unitPrice(), currency), c.description()));
        Button add = new Button("New item", e -> open(null));
        add.setId("catalog-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph("What you sell, with its price before tax: pick it into a line with Add from catalog. Changing an"
                + " item here never changes an invoice or quote that already has it."), add, grid);
        reload();
    }

    private void reload() {
        grid.setItems(catalog.search(""));
    }

    /** The item's form in a dialog ({@code item} null: a new one). */
    private void open(CatalogEntry item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(item == null ? "New catalog item" : item.name());
        TextField name = new TextField("Name");
        name.setId("catalog-name");
        name.setRequiredIndicatorVisible(true);
        BigDecimalField price = new BigDecimalField("Price before tax (" + currency + ")");
        price.setId("catalog-price");
        Select<String> tax = new Select<>();
        tax.setId("catalog-tax");
        tax.setLabel("Tax");
        List<String> codes = new ArrayList<>(List.of(DOCUMENTS_TAX));
        taxes.forEach(t -> codes.add(t.code()));
        tax.setItems(codes);
        tax.setItemLabelGenerator(c -> c.isEmpty() ? "The document's tax" : taxes.stream().filter(t -> t.code().equals(c))
                .findFirst().map(TaxCode::name).orElse(c));
        TextField unit = new TextField("Unit (optional)");
        unit.setId("catalog-unit");
        unit.setPlaceholder("hour, visit, kg …");
        TextField description = new TextField("Description (optional)");
        description.setId("catalog-description");
        if (item != null) {
            name.setValue(item.name());
            price.setValue(item.unitPrice());
            tax.setValue(item.taxCode() == null || !codes.contains(item.taxCode()) ? DOCUMENTS_TAX : item.taxCode());
            unit.setValue(item.unit() == null ? "" : item.unit());
            description.setValue(item.description() == null ? "" : item.description());
        } else {
            tax.setValue(DOCUMENTS_TAX);
        }
        FormLayout form = new FormLayout(name, price, tax, unit, description);
        form.setColspan(description, 2);
        dialog.add(form);
        Button save = new Button("Save", e -> {
            CatalogEntry wanted = new CatalogEntry(item == null ? null : item.id(), name.getValue(), description.getValue(),
                    price.getValue(), tax.getValue().isEmpty() ? null : tax.getValue(), unit.getValue(),
                    item == null ? 0 : item.version());
            try {
                CatalogEntry saved = item == null ? catalog.add(wanted) : catalog.update(wanted);
                dialog.close();
                Toasts.done(saved.name() + " saved");
                reload();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("name", name, "unit_price", price, "tax_code", tax, "unit", unit,
                        "description", description));
            } catch (ConflictException | NotFoundException ex) {
                Toasts.problem("Someone changed or removed this item meanwhile; it is shown as it is now.");
                dialog.close();
                reload();
            }
        });
        save.setId("catalog-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        if (item != null) {
            Button remove = new Button("Remove", e -> {
                ConfirmDialog confirm = new ConfirmDialog("Remove " + item.name() + "?", "It is no longer offered in new"
                        + " lines; invoices and quotes that have it keep their lines.", "Remove", ev -> {
                            try {
                                catalog.remove(item.id());
                            } catch (NotFoundException ex) {
                                // removed meanwhile: the list shows it gone either way
                            }
                            dialog.close();
                            Toasts.done(item.name() + " removed from your catalog");
                            reload();
                        });
                confirm.setConfirmButtonTheme("error primary");
                confirm.setCancelable(true);
                confirm.open();
            });
            remove.setId("catalog-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            dialog.getFooter().addComponentAsFirst(remove);
        }
        dialog.open();
        name.focus();
    }
}
