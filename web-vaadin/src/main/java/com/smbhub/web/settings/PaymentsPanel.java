package com.smbhub.web.settings;

import com.smbhub.payment.StripeAccounts;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;

/** Settings → Payments: the business's own Stripe account, connected by id or through Stripe's onboarding (owners). */
class PaymentsPanel extends VerticalLayout {

    private final StripeAccounts accounts;

    PaymentsPanel(StripeAccounts accounts) {
        this.accounts = accounts;
        setPadding(false);
        show(accounts.state());
    }

    private void show(StripeAccounts.State state) {
        removeAll();
        Paragraph status = new Paragraph(state.accountId() == null
                ? "Card payments are off: connect your Stripe account so clients can pay invoices by card."
                : "Card payments go to your Stripe account " + state.accountId() + ".");
        status.setId("stripe-status");
        add(status);
        if (!state.platformReady()) {
            add(new Paragraph("This server has no Stripe key yet, so card payments cannot be taken (see docs/operations.md)."));
        }
        Checkbox mail = new Checkbox("E-mail the owners and admins when a client pays by card", state.paymentMail());
        mail.setId("stripe-payment-mail");
        mail.setTooltipText("Home shows each card payment either way");
        mail.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                accounts.mailPayments(e.getValue());
                Toasts.done(e.getValue() ? "Owners and admins get an e-mail for each card payment"
                        : "No more e-mails for card payments; Home still shows them");
            }
        });
        add(mail);
        if (!state.canChange()) {
            add(new Span("Only an owner can connect or change the Stripe account."));
            return;
        }
        TextField id = new TextField("Stripe account id");
        id.setId("stripe-account");
        id.setPlaceholder("acct_…");
        id.setHelperText("From your Stripe dashboard (Settings → Account details). Leave empty to disconnect.");
        id.setValue(state.accountId() == null ? "" : state.accountId());
        id.setWidth("min(28rem, 100%)");
        Button save = new Button("Save", e -> {
            try {
                StripeAccounts.State saved = accounts.connect(id.getValue());
                Toasts.done(saved.accountId() == null ? "Stripe disconnected" : "Stripe account connected");
                show(saved);
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("stripe_account_id", id));
            }
        });
        save.setId("stripe-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(id, save);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        add(row);
        if (state.platformReady()) {
            Span problem = new Span();
            problem.getStyle().set("color", "var(--lumo-error-text-color)");
            Button onboard = new Button("Create a Stripe account", e -> {
                try {
                    String url = accounts.onboard();
                    getUI().ifPresent(ui -> ui.getPage().setLocation(url));
                } catch (ProviderException ex) {
                    problem.setText(ex.getMessage() + ". Nothing was changed; try again.");
                }
            });
            onboard.setId("stripe-onboard");
            add(new Paragraph("No Stripe account yet? Stripe's onboarding asks for your business details and bank account,"
                    + " then brings you back here."), onboard, problem);
        }
    }
}
