package com.smbhub.web.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;

/** The look of every error page: a title with a test id, one sentence, and the way back Home. */
abstract class ProblemView<E extends Exception> extends VerticalLayout implements HasErrorParameter<E> {

    private final String id;
    private final String title;
    private final String message;
    private final int status;

    /** {@code status}: the HTTP status the page answers with. */
    protected ProblemView(String id, String title, String message, int status) {
        this.id = id;
        this.title = title;
        this.message = message;
        this.status = status;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<E> parameter) {
        show(id, title, message);
        return status;
    }

    protected void show(String id, String title, String message) {
        removeAll();
        H2 heading = new H2(title);
        heading.setId(id);
        add(heading, new Paragraph(message), new Anchor("", "Go to Home"));
    }
}
