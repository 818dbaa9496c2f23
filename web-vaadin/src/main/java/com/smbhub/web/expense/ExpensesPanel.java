package com.smbhub.web.expense;

import com.smbhub.expense.ExpenseFields;
import com.smbhub.expense.ExpenseService;
import com.smbhub.expense.ExpenseStatus;
import com.smbhub.expense.ExpenseView;
import com.smbhub.file.FileService;
import com.smbhub.money.MoneyText;
import com.smbhub.web.shell.Badges;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.Problems;
import com.smbhub.web.shell.RowClicks;
import com.smbhub.web.shell.Toasts;
import com.smbhub.workitem.WorkItemService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.stream.Collectors;

/** The expenses spent on one work item, with their total, in the item's dialog; each opens its drawer. */
public class ExpensesPanel extends VerticalLayout {

    private final ExpenseService expenses;
    private final String workItemId;
    private final Grid<ExpenseView> grid = new Grid<>();
    private final Span total = new Span();

    public ExpensesPanel(ExpenseService expenses, FileService files, WorkItemService work, String workItemId, boolean canAdd) {
        this.expenses = expenses;
        this.workItemId = workItemId;
        setId("wi-expenses");
        setPadding(false);
        grid.setId("wi-expenses-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> Dates.current().day(e.date())).setHeader("Date").setAutoWidth(true);
        grid.addColumn(e -> e.vendor() == null ? "(no vendor yet)" : e.vendor()).setHeader("Vendor").setFlexGrow(2);
        grid.addColumn(e -> e.amount() == null ? "" : MoneyText.format(e.amount(), e.currency())).setHeader("Amount")
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(e -> Badges.of(ExpenseStatus.valueOf(e.status()), ExpensesView.STATUS.get(e.status()))).setHeader("Status").setAutoWidth(true);
        grid.setEmptyStateText("No expenses on this yet.");
        RowClicks.open(grid, x -> new ExpenseDrawer(expenses, files, work, x, this::reload).open());
        total.setId("wi-expenses-total");
        Button add = new Button("Add expense", VaadinIcon.PLUS.create(), e -> {
            try {
                ExpenseView made = expenses.create(ExpenseFields.none(workItemId));
                reload();
                new ExpenseDrawer(expenses, files, work, made, this::reload).open();
            } catch (RuntimeException ex) {
                Toasts.problem(Problems.say(ex));
            }
        });
        add.setId("wi-expense-new");
        add.setVisible(canAdd);
        HorizontalLayout top = new HorizontalLayout(total, add);
        top.setWidthFull();
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(top, grid);
        reload();
    }

    private void reload() {
        try {
            ExpenseService.Listing listing = expenses.list(null, null, workItemId, 200);
            grid.setItems(listing.items());
            total.setText(listing.totals().isEmpty() ? "Nothing spent yet" : "Spent " + listing.totals().entrySet().stream()
                    .map(t -> MoneyText.format(t.getValue(), t.getKey())).collect(Collectors.joining(" + ")));
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }
}
