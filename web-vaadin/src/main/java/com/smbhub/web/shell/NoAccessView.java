package com.smbhub.web.shell;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.router.AccessDeniedException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A signed-in user opened a page their role does not allow. */
@CdiComponent
@PermitAll
public class NoAccessView extends ProblemView<AccessDeniedException> {

    public NoAccessView() {
        super("no-access", "No access", "Your role does not allow this page. Ask an owner or admin if you need it.",
                HttpServletResponse.SC_FORBIDDEN);
    }
}
