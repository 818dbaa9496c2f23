package com.smbhub.web.security;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The pages before a business is open (sign-in, links from e-mails): one narrow column in the middle of the screen. */
final class Pages {

    private Pages() {
    }

    static void centered(VerticalLayout page) {
        page.setSizeFull();
        page.setAlignItems(FlexComponent.Alignment.CENTER);
        page.setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
    }
}
