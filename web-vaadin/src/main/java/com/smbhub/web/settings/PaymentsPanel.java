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
import java.util.function.Consumer;

/** Settings → Payments: the business's own Stripe account, connected by id or through Stripe's onboarding (owners). */
class PaymentsPanel extends VerticalLayout {

    private final StripeAccounts accounts;

    PaymentsPanel(StripeAccounts accounts) {
        this.accounts = accounts;
        setPadding(false);
        show(accounts.state());
    }

    /** A setting saved as soon as it is ticked or cleared, with what it now means in a toast. */
    private static Checkbox toggle(String id, String label, boolean value, String help, Consumer<Boolean> save, String on,
                                   String off) {
        Checkbox box = new Checkbox(label, value);
        box.setId(id);
        box.setTooltipText(help);
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save.accept(e.getValue());
                Toasts.done(e.getValue() ? on : off);
            }
        });
        return box;
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
        add(toggle("stripe-payment-mail", "E-mail the owners and admins when a client pays by card", state.paymentMail(),
                "Home shows each card payment either way", accounts::mailPayments,
                "Owners and admins get an e-mail for each card payment", "No more e-mails for card payments; Home still shows them"));
        add(toggle("stripe-receipt-mail", "E-mail the client a receipt when they pay by card", state.receiptMail(),
                "The receipt wording of Settings → Email, with the invoice's PDF; you can always send one from the invoice's"
                        + " payments", accounts::mailReceipts, "Clients get a receipt by e-mail after each card payment",
                "Clients get no receipt by themselves; send one from the invoice's payments"));
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
