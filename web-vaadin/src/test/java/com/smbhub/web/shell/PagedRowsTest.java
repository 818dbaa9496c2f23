package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.db.Page;
import com.vaadin.flow.component.grid.Grid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A list with nothing in it says so, with no empty table above; with rows it shows them and "Show more" while there are more. */
class PagedRowsTest {

    @Test
    void anEmptyListShowsItsSentenceNotAnEmptyTable() {
        List<String> stored = new ArrayList<>();
        Grid<String> grid = new Grid<>();
        PagedRows<String> rows = new PagedRows<>(grid, "things-empty",
                after -> after == null ? new Page<>(List.copyOf(stored), null) : new Page<>(List.of(), null), () -> "No things yet.");
        rows.reload();
        assertTrue(grid.hasClassName("empty-list"), "the grid is not drawn (it stays in the page for when rows come)");
        assertTrue(rows.empty().isVisible());
        assertEquals("No things yet.", rows.empty().getText());
        stored.add("one");
        rows.reload();
        assertFalse(grid.hasClassName("empty-list"));
        assertFalse(rows.empty().isVisible());
        assertFalse(rows.more().isVisible());
    }
}
