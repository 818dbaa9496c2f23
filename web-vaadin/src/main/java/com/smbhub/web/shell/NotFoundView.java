package com.smbhub.web.shell;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** "Not found": no page at this address. */
@AnonymousAllowed
@CdiComponent
public class NotFoundView extends ProblemView implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show("not-found", "Page not found", "There is no page at this address.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
