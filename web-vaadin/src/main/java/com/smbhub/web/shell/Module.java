package com.smbhub.web.shell;

import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Role;
import com.smbhub.profile.EffectiveProfile;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The back office's modules (PRD 10.2): route, label key in the profile, and the capability that gates it. */
public enum Module {
    INBOX("inbox", "inbox", "inbox", VaadinIcon.INBOX, null),
    WORK("work", "work_item_plural", null, VaadinIcon.TASKS, null),
    CONTACTS("contacts", "contact_plural", null, VaadinIcon.USERS, null),
    QUOTES("quotes", "quote_plural", "quotes", VaadinIcon.FILE_TEXT_O, null),
    INVOICES("invoices", "invoice_plural", "invoices", VaadinIcon.MONEY, null),
    PAYMENTS("payments", null, "invoices", VaadinIcon.WALLET, Capability.PAYMENTS_READ),
    EXPENSES("expenses", "expense_plural", "expenses", VaadinIcon.INVOICE, null),
    SETTINGS("settings", null, null, VaadinIcon.COG, null),
    MORE("more", null, null, VaadinIcon.ELLIPSIS_DOTS_H, null);

    private final String path;
    private final String labelKey;
    private final String capability;
    private final VaadinIcon icon;
    /** What the role must be allowed to see the module at all (null: every role). */
    private final Capability needs;

    Module(String path, String labelKey, String capability, VaadinIcon icon, Capability needs) {
        this.path = path;
        this.labelKey = labelKey;
        this.capability = capability;
        this.icon = icon;
        this.needs = needs;
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

    /** Whether the business's profile turns it on and the role may see it. */
    public boolean enabled(EffectiveProfile profile, Role role) {
        return (capability == null || profile.capability(capability)) && (needs == null || Permissions.allows(role, needs));
    }

    public Icon icon() {
        return icon.create();
    }
}
