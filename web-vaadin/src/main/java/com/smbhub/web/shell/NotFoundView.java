package com.smbhub.web.shell;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** "Not found": no page at this address. */
@AnonymousAllowed
@CdiComponent
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        H2 title = new H2("Page not found");
        title.setId("not-found");
        add(title, new Paragraph("This page does not exist or you do not have access to it."),
                new Anchor("", "Go to Home"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
