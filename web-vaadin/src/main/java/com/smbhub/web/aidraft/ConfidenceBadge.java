package com.smbhub.web.aidraft;

import com.smbhub.extract.Extraction;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** How sure a reading is, as the High / Med / Low badge under a field (PRD 10.5). */
public final class ConfidenceBadge {

    private ConfidenceBadge() {
    }

    /** Puts the badge in the field's helper slot (none: removes it). */
    public static void on(Component field, Double confidence) {
        field.getElement().getChildren().filter(c -> "helper".equals(c.getAttribute("slot"))).toList()
                .forEach(c -> c.removeFromParent());
        if (confidence != null) {
            Span badge = new Span(word(confidence));
            badge.getElement().getThemeList().add(theme(confidence) + " small");
            badge.addClassName("ai-badge");
            badge.getElement().setAttribute("slot", "helper");
            field.getElement().appendChild(badge.getElement());
        }
    }

    public static String word(double confidence) {
        return switch (Extraction.band(confidence)) {
            case "HIGH" -> "High";
            case "MED" -> "Med";
            default -> "Low";
        };
    }

    public static String theme(double confidence) {
        return switch (Extraction.band(confidence)) {
            case "HIGH" -> "badge success";
            case "MED" -> "badge";
            default -> "badge error";
        };
    }
}
