package com.smbhub.web.shell;

import com.vaadin.flow.component.select.Select;
import java.time.Duration;
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

    /** "2 days 3 h", "3 h 12 min", "4 min". */
    public static String took(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        return days > 0 ? days + (days == 1 ? " day " : " days ") + hours + " h"
                : hours > 0 ? hours + " h " + minutes + " min" : Math.max(d.isZero() ? 0 : 1, minutes) + " min";
    }
}
