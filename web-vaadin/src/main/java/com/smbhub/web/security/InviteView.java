package com.smbhub.web.security;

import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.tenant.InvitationService;
import com.smbhub.web.shell.FieldErrors;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.ejb.EJB;
import java.util.Map;

/** The page behind an invitation link: join the business (set a name and password, or confirm yours). */
@Route("invite/:token")
@PageTitle("Join a business · SMB Hub")
@AnonymousAllowed
@CdiComponent
public class InviteView extends VerticalLayout implements BeforeEnterObserver {

    @EJB InvitationService invitations;

    public InviteView() {
        Pages.centered(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        InvitationService.Pending pending;
        try {
            pending = invitations.find(token);
        } catch (NotFoundException e) {
            Paragraph gone = new Paragraph("This invitation link does not work any more: it may have been used, replaced"
                    + " by a newer one, withdrawn, or it has expired. Ask the business for a new invitation.");
            gone.setId("invite-message");
            add(new H1("SMB Hub"), gone, new RouterLink("Sign in", LoginView.class));
            return;
        }
        H1 title = new H1("Join " + pending.businessName());
        title.setId("invite-title");
        Paragraph intro = new Paragraph("You are invited as " + pending.role().toLowerCase() + " (" + pending.email() + ").");
        TextField name = new TextField("Your name");
        name.setId("invite-name");
        name.setWidth("20rem");
        PasswordField password = new PasswordField(pending.hasPassword() ? "Your password" : "Choose a password (at least 10 characters)");
        password.setId("invite-password");
        password.setWidth("20rem");
        Button accept = new Button("Join " + pending.businessName());
        accept.setId("invite-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickShortcut(Key.ENTER);
        accept.setWidth("20rem");
        accept.addClickListener(e -> {
            try {
                invitations.accept(token, name.getValue(), password.getValue().toCharArray());
                removeAll();
                Paragraph done = new Paragraph("You have joined " + pending.businessName() + ". Sign in with "
                        + pending.email() + " to start.");
                done.setId("invite-message");
                add(new H1("Welcome"), done, new RouterLink("Sign in", LoginView.class));
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.<String, HasValidation>of("display_name", name, "password", password));
            } catch (NotFoundException ex) {
                event.getUI().getPage().reload();
            }
        });
        add(new H1("SMB Hub"), title, intro);
        if (pending.hasPassword()) {
            add(new Paragraph("You already have an SMB Hub account; confirm with its password."));
        } else {
            add(name);
        }
        add(password, accept);
    }
}
