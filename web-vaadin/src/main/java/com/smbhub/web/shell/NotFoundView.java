package com.smbhub.web.shell;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** "Not found": no page at this address. */
@AnonymousAllowed
@CdiComponent
public class NotFoundView extends ProblemView<NotFoundException> {

    public NotFoundView() {
        super("not-found", "Page not found", "There is no page at this address.", HttpServletResponse.SC_NOT_FOUND);
    }
}
