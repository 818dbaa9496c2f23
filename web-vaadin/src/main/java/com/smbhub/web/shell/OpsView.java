package com.smbhub.web.shell;

import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;

/** The platform ops Command Center. Its QC queue arrives with the Text-to-Task issue. */
@Route("ops")
@PageTitle("Command Center · SMB Hub")
@RolesAllowed("OPS")
@CdiComponent
public class OpsView extends VerticalLayout {

    public OpsView() {
        H2 title = new H2("Command Center");
        title.setId("ops-title");
        Button logout = new Button("Log out", e -> {
            String contextPath = VaadinServletRequest.getCurrent().getHttpServletRequest().getContextPath();
            getUI().ifPresent(ui -> ui.getPage().setLocation(contextPath + "/login"));
            VaadinSession.getCurrent().getSession().invalidate();
        });
        logout.setId("logout");
        add(title, new Paragraph("The AI draft QC queue is not available yet; it arrives with Text-to-Task."), logout);
    }
}
