package com.smbhub.web.shell;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.Map;

/** An honest page for a module whose issue has not landed yet: it says so and does nothing else. */
@PermitAll
@CdiComponent
public class ComingSoonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route path → menu label, in PRD 10.2 order. */
    public static final Map<String, String> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put("inbox", "Inbox");
        MODULES.put("work", "Work");
        MODULES.put("contacts", "Contacts");
        MODULES.put("quotes", "Quotes");
        MODULES.put("invoices", "Invoices");
        MODULES.put("expenses", "Expenses");
        MODULES.put("settings", "Settings");
        MODULES.put("more", "More");
    }

    private String title = "Coming soon";

    public static Icon icon(String path) {
        return switch (path) {
            case "inbox" -> VaadinIcon.INBOX.create();
            case "work" -> VaadinIcon.TASKS.create();
            case "contacts" -> VaadinIcon.USERS.create();
            case "quotes" -> VaadinIcon.FILE_TEXT_O.create();
            case "invoices" -> VaadinIcon.MONEY.create();
            case "expenses" -> VaadinIcon.INVOICE.create();
            case "settings" -> VaadinIcon.COG.create();
            default -> VaadinIcon.ELLIPSIS_DOTS_H.create();
        };
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String path = event.getLocation().getFirstSegment();
        String label = MODULES.getOrDefault(path, "This page");
        title = label + " · SMB Hub";
        removeAll();
        H2 heading = new H2(label);
        heading.setId("page-title");
        add(heading, new Paragraph(label + " is not available yet. It arrives in an upcoming release; "
                + "nothing on this page works until then."));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
