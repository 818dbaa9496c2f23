package com.smbhub.web.shell;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A signed-in user opened a page their role does not allow. */
@CdiComponent
@PermitAll
public class NoAccessView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        H2 title = new H2("No access");
        title.setId("no-access");
        add(title, new Paragraph("Your role does not allow this page. Ask an owner or admin if you need it."),
                new Anchor("", "Go to Home"));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
