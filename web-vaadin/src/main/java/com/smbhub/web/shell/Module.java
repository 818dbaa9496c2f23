package com.smbhub.web.shell;

import com.smbhub.profile.EffectiveProfile;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The back office's modules (PRD 10.2): route, label key in the profile, and the capability that gates it. */
public enum Module {
    INBOX("inbox", "inbox", "inbox", VaadinIcon.INBOX),
    WORK("work", "work_item_plural", null, VaadinIcon.TASKS),
    CONTACTS("contacts", "contact_plural", null, VaadinIcon.USERS),
    QUOTES("quotes", "quote_plural", "quotes", VaadinIcon.FILE_TEXT_O),
    INVOICES("invoices", "invoice_plural", "invoices", VaadinIcon.MONEY),
    EXPENSES("expenses", "expense_plural", "expenses", VaadinIcon.INVOICE),
    SETTINGS("settings", null, null, VaadinIcon.COG),
    MORE("more", null, null, VaadinIcon.ELLIPSIS_DOTS_H);

    private final String path;
    private final String labelKey;
    private final String capability;
    private final VaadinIcon icon;

    Module(String path, String labelKey, String capability, VaadinIcon icon) {
        this.path = path;
        this.labelKey = labelKey;
        this.capability = capability;
        this.icon = icon;
    }

    public String path() {
        return path;
    }

    public String label(EffectiveProfile profile) {
        if (labelKey == null) {
            return Character.toUpperCase(path.charAt(0)) + path.substring(1);
        }
        return profile.label(labelKey);
    }

    public boolean enabled(EffectiveProfile profile) {
        return capability == null || profile.capability(capability);
    }

    public Icon icon() {
        return icon.create();
    }
}
