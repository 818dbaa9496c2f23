package com.smbhub.web.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The look of every error page: a title with a test id, one sentence, and the way back Home. */
abstract class ProblemView extends VerticalLayout {

    protected void show(String id, String title, String message) {
        removeAll();
        H2 heading = new H2(title);
        heading.setId(id);
        add(heading, new Paragraph(message), new Anchor("", "Go to Home"));
    }
}
