package com.smbhub.web.security;

import com.smbhub.account.SignupService;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Membership;
import com.smbhub.web.shell.FieldErrors;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.List;

/** After sign-in: straight into the only business, or a choice when there are several. */
@Route("choose-business")
@PageTitle("Choose a business · SMB Hub")
@PermitAll
@CdiComponent
public class ChooseBusinessView extends VerticalLayout implements BeforeEnterObserver {

    /** Sign-up's "I have an export": the new business opens on Settings → Data, where the export is brought in. */
    static final String BRING_EXPORT = "smbhub.bring-export";

    private final CurrentBusiness business;
    private final SignupService signups;

    @Inject
    public ChooseBusinessView(CurrentBusiness business, SignupService signups) {
        this.business = business;
        this.signups = signups;
        setAlignItems(FlexComponent.Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<Membership.View> memberships = business.memberships();
        boolean ops = business.person().map(p -> p.ops()).orElse(false);
        boolean all = event.getLocation().getQueryParameters().getParameters().containsKey("all");
        if (!all && memberships.size() == 1 && business.select(memberships.get(0).tenantId())) {
            if (Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(BRING_EXPORT))) {
                VaadinSession.getCurrent().setAttribute(BRING_EXPORT, null);
                event.forwardTo("settings", QueryParameters.of("tab", "data"));
            } else {
                event.forwardTo("");
            }
            return;
        }
        if (memberships.isEmpty() && ops) {
            event.forwardTo("ops");
            return;
        }
        removeAll();
        add(new H1("Choose a business"));
        if (memberships.isEmpty()) {
            add(new Paragraph("Your account is not a member of any business yet. Ask the owner for an invitation."));
        }
        for (Membership.View m : memberships) {
            Button open = new Button(m.tenantName() + " · " + m.role(), e -> {
                if (business.select(m.tenantId())) {
                    getUI().ifPresent(ui -> ui.navigate(""));
                }
            });
            open.setId("business-" + m.orgId());
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            open.setWidth("20rem");
            add(open);
        }
        addBusiness();
    }

    /** "Add a business": the person starts another one as its owner and goes straight in. */
    private void addBusiness() {
        H2 title = new H2("Add a business");
        title.setId("add-business");
        BusinessFields fields = new BusinessFields("add", "20rem", UI.getCurrent());
        Button add = new Button("Start this business", e -> {
            fields.byField("name").values().forEach(f -> f.setInvalid(false));
            try {
                String slug = signups.addBusiness(fields.value());
                business.memberships().stream().filter(m -> m.orgId().equals(slug)).findFirst()
                        .filter(m -> business.select(m.tenantId())).ifPresent(m -> getUI().ifPresent(ui -> ui.navigate("")));
            } catch (ValidationException ex) {
                FieldErrors.show(ex, fields.byField("name"));
            }
        });
        add.setId("add-business-submit");
        add.setWidth("20rem");
        add(title, new Paragraph("You become its owner; its clients, work and money are kept apart from your other businesses."),
                fields.name, fields.kind, fields.country, fields.timezone, fields.currency, add);
    }
}
