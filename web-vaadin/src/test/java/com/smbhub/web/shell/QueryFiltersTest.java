package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryFiltersTest {

    @Test
    void aFilterTheAddressGivesIsChosenWhenTheListOffersIt() {
        Select<String> status = new Select<>();
        status.setItems("ANY", "SENT", "OVERDUE");
        status.setValue("ANY");
        List<String> reloads = new ArrayList<>();
        status.addValueChangeListener(e -> reloads.add(e.getValue()));
        assertTrue(QueryFilters.preset(status, QueryParameters.simple(Map.of("status", "OVERDUE")), "status"));
        assertEquals(List.of("OVERDUE"), reloads, "the select's listener reloaded the list once");
        assertFalse(QueryFilters.preset(status, QueryParameters.simple(Map.of("status", "OVERDUE")), "status"),
                "already chosen: the caller loads");
        assertFalse(QueryFilters.preset(status, QueryParameters.simple(Map.of("status", "BOGUS")), "status"));
        assertFalse(QueryFilters.preset(status, QueryParameters.empty(), "status"));
        assertEquals("OVERDUE", status.getValue());
    }
}
