package com.smbhub.web.shell;

import com.vaadin.flow.component.grid.Grid;
import java.util.function.Consumer;

/**
 * Opens the row a person clicked. A click can arrive for a row the grid has just dropped (a filter
 * changed and the list reloaded between the click and its arrival): Vaadin then reports no item,
 * and such a click does nothing rather than open an empty "New …" form or fail.
 */
public final class RowClicks {

    private RowClicks() {
    }

    public static <T> void open(Grid<T> grid, Consumer<T> open) {
        grid.addItemClickListener(e -> {
            if (e.getItem() != null) {
                open.accept(e.getItem());
            }
        });
    }
}
