package com.smbhub.web.shell;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A signed-in user opened a page their role does not allow. */
@CdiComponent
@PermitAll
public class NoAccessView extends ProblemView implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show("no-access", "No access", "Your role does not allow this page. Ask an owner or admin if you need it.");
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
