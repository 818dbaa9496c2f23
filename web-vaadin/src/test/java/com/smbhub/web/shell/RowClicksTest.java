package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.ItemClickEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowClicksTest {

    @Test
    void aClickOnARowTheListNoLongerHoldsOpensNothing() {
        Grid<String> grid = new Grid<>();
        grid.setItems("INV-1001", "INV-1002");
        List<String> opened = new ArrayList<>();
        RowClicks.open(grid, opened::add);
        String shown = grid.getDataCommunicator().getKeyMapper().key("INV-1002");
        click(grid, shown);
        grid.setItems("INV-1003"); // the Client filter changed: the list reloaded, old keys are gone
        grid.getDataCommunicator().getKeyMapper().removeAll();
        click(grid, shown); // the click made on the old row arrives now
        assertEquals(List.of("INV-1002"), opened, "the stale click opened neither a row nor a new form");
    }

    private static void click(Grid<String> grid, String key) {
        ComponentUtil.fireEvent(grid, new ItemClickEvent<>(grid, true, key, null, 0, 0, 0, 0, 1, 0, false, false, false, false));
    }
}
