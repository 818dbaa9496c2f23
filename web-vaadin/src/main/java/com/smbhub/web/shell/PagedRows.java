package com.smbhub.web.shell;

import com.smbhub.platform.db.Page;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.SerializableSupplier;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A list read a page at a time into a grid: "Show more" while there is more, and a line in words
 * (its id {@code emptyId}) when there is nothing. The view places {@link #empty()} and {@link #more()}.
 */
public class PagedRows<T> implements Serializable {

    /** The page after {@code nextKey} ({@code null}: the first). */
    public interface Fetch<T> extends Serializable {
        Page<T> after(String nextKey);
    }

    private final Grid<T> grid;
    private final Fetch<T> fetch;
    private final SerializableSupplier<String> nothing;
    private final List<T> rows = new ArrayList<>();
    private final Span empty = new Span();
    private final Button more = new Button("Show more");
    private String nextKey;

    /** {@code nothing}: what the empty line says (asked each time, so it can follow the filters). */
    public PagedRows(Grid<T> grid, String emptyId, Fetch<T> fetch, SerializableSupplier<String> nothing) {
        this.grid = grid;
        this.fetch = fetch;
        this.nothing = nothing;
        empty.setId(emptyId);
        more.addClickListener(e -> loadMore());
    }

    /** From the first page again (after a filter or a row changed). */
    public void reload() {
        rows.clear();
        nextKey = null;
        loadMore();
    }

    public void loadMore() {
        Page<T> page = fetch.after(nextKey);
        rows.addAll(page.items());
        nextKey = page.nextKey();
        grid.setItems(rows);
        more.setVisible(nextKey != null);
        empty.setVisible(rows.isEmpty());
        empty.setText(nothing.get());
        grid.setClassName("empty-list", rows.isEmpty()); // no empty table box above "No … yet" (styles/app.css)
    }

    public List<T> rows() {
        return rows;
    }

    public Span empty() {
        return empty;
    }

    public Button more() {
        return more;
    }
}
