package com.smbhub.web.shell;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;

/** A list's filter set from its address ({@code invoices?status=OVERDUE}, the links of Home's cards). */
public final class QueryFilters {

    private QueryFilters() {
    }

    /**
     * Chooses the value {@code name} gives in {@code select} when it offers it; true when the choice changed (the
     * select's own listener then reloaded the list), false when there was nothing to choose.
     */
    public static boolean preset(Select<String> select, QueryParameters query, String name) {
        String wanted = query.getSingleParameter(name).orElse(null);
        if (wanted == null || wanted.equals(select.getValue()) || !select.getListDataView().contains(wanted)) {
            return false;
        }
        select.setValue(wanted);
        return true;
    }
}
