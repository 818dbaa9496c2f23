package com.smbhub.web.security;

import com.smbhub.account.AccountService;
import com.smbhub.platform.errors.ValidationException;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.inject.Inject;

/** The link in the verification e-mail: confirms the address; signed in or not, the person goes on from here. */
@Route("verify-email/:token")
@PageTitle("E-mail confirmed · SMB Hub")
@AnonymousAllowed
@CdiComponent
public class VerifyEmailView extends VerticalLayout implements BeforeEnterObserver {

    private final AccountService accounts;
    private final CurrentBusiness business;

    @Inject
    public VerifyEmailView(AccountService accounts, CurrentBusiness business) {
        this.accounts = accounts;
        this.business = business;
        Pages.centered(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Paragraph message = new Paragraph();
        message.setId("verify-message");
        RouterLink next = business.userId().isPresent() ? new RouterLink("Go to your business", ChooseBusinessView.class)
                : new RouterLink("Sign in", LoginView.class);
        next.setId("verify-next");
        try {
            String email = accounts.verifyEmail(event.getRouteParameters().get("token").orElse(""));
            message.setText("Thank you: " + email + " is confirmed. Your business can now send quotes, invoices and"
                    + " reminders to clients.");
            add(new H1("E-mail confirmed"), message, next);
        } catch (ValidationException e) {
            message.setText(e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
            add(new H1("SMB Hub"), message, next);
        }
    }
}
