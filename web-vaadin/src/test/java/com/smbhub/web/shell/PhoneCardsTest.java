package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneCardsTest {

    @Test
    void aPhoneShowsTheCardAndTheMenuAndAWideWindowTheTable() {
        Grid<String> grid = new Grid<>();
        Grid.Column<String> number = grid.addColumn(s -> s).setHeader("Number");
        Grid.Column<String> client = grid.addColumn(s -> "Lina").setHeader("Client");
        Grid.Column<String> menu = grid.addColumn(s -> "⋯");
        PhoneCards<String> cards = PhoneCards.of(grid, s -> PhoneCards.card(s, "$80.00", "Sent"), menu);
        Grid.Column<String> card = grid.getColumnByKey("card");
        assertEquals(List.of(false, true, true, true), shown(grid), "a wide window (the first answer) shows the table");
        cards.show(true);
        assertEquals(List.of(true, false, false, true), shown(grid), "a phone: the card and the ⋯ menu");
        assertTrue(grid.hasClassName("cards"));
        cards.column(client, false);
        cards.show(false);
        assertFalse(client.isVisible(), "a column the view left out stays out");
        assertTrue(number.isVisible() && !card.isVisible());
    }

    @Test
    void aTableDrawsNoCards() {
        Grid<String> grid = new Grid<>();
        grid.addColumn(s -> s).setHeader("Number");
        List<String> drawn = new java.util.ArrayList<>();
        PhoneCards<String> cards = PhoneCards.of(grid, s -> {
            drawn.add(s);
            return PhoneCards.card(s, null);
        });
        var renderer = (com.vaadin.flow.data.renderer.ComponentRenderer<?, String>) grid.getColumnByKey("card").getRenderer();
        renderer.createComponent("INV-1001");
        assertEquals(List.of(), drawn, "a wide window builds no card");
        cards.show(true);
        renderer.createComponent("INV-1001");
        assertEquals(List.of("INV-1001"), drawn);
    }

    @Test
    void aCardHasItsTitleAmountAndOnlyTheLinesThatSaySomething() {
        Component card = PhoneCards.card("INV-1002 · Lina", "$80.00", "Sent · due 15 Dec 2026", null, "");
        assertEquals(List.of("card-top", "card-line"), card.getChildren().map(c -> c.getClassNames().iterator().next()).toList());
    }

    private static List<Boolean> shown(Grid<String> grid) {
        return grid.getColumns().stream().map(Grid.Column::isVisible).toList();
    }
}
