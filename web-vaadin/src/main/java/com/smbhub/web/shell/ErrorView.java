package com.smbhub.web.shell;

import com.smbhub.platform.tenancy.RequestContext;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Any unexpected failure: a plain message with the request id, the details only in the server log. */
@CdiComponent
@AnonymousAllowed
public class ErrorView extends ProblemView<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorView.class.getName());

    public ErrorView() {
        super("error-title", "Something went wrong", "Please try again.", HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String requestId = RequestContext.current().map(RequestContext::requestId).orElse("unknown");
        LOG.log(Level.SEVERE, "request_id=" + requestId + " view failed", parameter.getCaughtException());
        show("error-title", "Something went wrong",
                "Please try again. If it keeps happening, quote reference " + requestId + ".");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
