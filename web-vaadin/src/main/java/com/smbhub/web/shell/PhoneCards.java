package com.smbhub.web.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * On a phone a list is a stack of readable cards, not a table cut at the edge: the grid gets one
 * column that draws each row as a card, shown instead of the table's columns when the window is at
 * most {@link #PHONE} pixels wide (asked of the browser when the grid is shown and whenever the window
 * is resized; CSS cannot hide a grid column). Columns passed as {@code keep} (a row's ⋯ menu) show in both.
 */
public final class PhoneCards<T> {

    /** The widest window that counts as a phone; the same breakpoint as styles/app.css. */
    public static final int PHONE = 800;

    private final Grid<T> grid;
    private final Grid.Column<T> cards;
    private final List<Grid.Column<T>> keep;
    private final Set<Grid.Column<T>> off = new HashSet<>();
    private boolean phone;

    private PhoneCards(Grid<T> grid, ValueProvider<T, Component> card, List<Grid.Column<T>> keep) {
        this.grid = grid;
        this.keep = keep;
        // a card is drawn only on a phone: the hidden column would otherwise build one for every row of a table
        this.cards = grid.addComponentColumn((T row) -> phone ? card.apply(row) : new Span()).setKey("card").setFlexGrow(1);
        grid.setColumnOrder(order());
        show(false);
        grid.addAttachListener(attached -> {
            UI ui = attached.getUI();
            ui.getPage().executeJs("return window.innerWidth").then(Integer.class, width -> show(width <= PHONE));
            Registration resized = ui.getPage().addBrowserWindowResizeListener(e -> show(e.getWidth() <= PHONE));
            grid.addDetachListener(detached -> {
                resized.remove();
                detached.unregisterListener();
            });
        });
    }

    /** Adds the card column to this grid (after its other columns are added). */
    @SafeVarargs
    public static <T> PhoneCards<T> of(Grid<T> grid, ValueProvider<T, Component> card, Grid.Column<T>... keep) {
        return new PhoneCards<>(grid, card, List.of(keep));
    }

    /** Cards (a phone) or the table's columns. */
    public void show(boolean phone) {
        boolean changed = this.phone != phone;
        this.phone = phone;
        for (Grid.Column<T> column : grid.getColumns()) {
            column.setVisible(column == cards ? phone : !off.contains(column) && (keep.contains(column) || !phone));
        }
        grid.setClassName("cards", phone);
        if (changed) {
            grid.getDataProvider().refreshAll(); // the rows shown are drawn again, as cards or as empty cells
        }
    }

    /** Shows or leaves out a table column for a reason of the view's own (a feature turned off). */
    public void column(Grid.Column<T> column, boolean shown) {
        if (shown) {
            off.remove(column);
        } else {
            off.add(column);
        }
        show(phone);
    }

    public boolean phone() {
        return phone;
    }

    /** The cards first, the kept columns (a ⋯ menu) at the end as in the table. */
    private List<Grid.Column<T>> order() {
        List<Grid.Column<T>> order = new ArrayList<>(grid.getColumns());
        order.remove(cards);
        order.add(0, cards);
        return order;
    }

    /**
     * One card: its title and amount (or state) on the first line, then the lines that follow
     * (empty ones left out). The same shape in every list.
     */
    public static Component card(String title, String amount, String... lines) {
        Span name = new Span(Objects.requireNonNullElse(title, ""));
        name.addClassName("card-title");
        Div top = new Div(name);
        top.addClassName("card-top");
        if (amount != null && !amount.isBlank()) {
            Span right = new Span(amount);
            right.addClassName("card-amount");
            top.add(right);
        }
        Div card = new Div(top);
        card.addClassName("card");
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                Div text = new Div(new Span(line));
                text.addClassName("card-line");
                card.add(text);
            }
        }
        return card;
    }
}
