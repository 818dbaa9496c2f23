package com.smbhub.web.shell;

import com.vaadin.flow.component.select.Select;
import java.util.List;

/** How the back office words a code: {@code NEEDS_APPROVAL} → "Needs approval". */
public final class Words {

    private Words() {
    }

    public static String of(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String text = code.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A select of codes shown in words, with its test id, label and first value. */
    public static Select<String> select(String id, String label, List<String> codes, String value) {
        Select<String> select = new Select<>();
        select.setId(id);
        select.setLabel(label);
        select.setItems(codes);
        select.setItemLabelGenerator(Words::of);
        select.setValue(value);
        return select;
    }
}
