package com.smbhub.web.home;

import com.smbhub.home.HomeService;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemView;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** Home "Today": greeting, KPI cards, next actions (urgent or overdue work). */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · SMB Hub")
@CdiComponent
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

    @EJB
    HomeService home;

    @EJB
    WorkItemService work;

    @EJB
    ProfileService profiles;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.hasForwardTarget() || event.hasRerouteTarget()) {
            return;
        }
        removeAll();
        HomeService.Greeting greeting = home.greeting();
        EffectiveProfile profile = profiles.effective();
        WorkItemService.Today today = work.today();
        H2 title = new H2("Welcome to " + greeting.businessName());
        title.setId("home-title");
        Paragraph role = new Paragraph("You are signed in as " + greeting.role().name().toLowerCase()
                + ". Times are shown in " + greeting.timezone() + "; amounts in " + greeting.currency() + ".");
        String zero = money(greeting.currency());
        FlexLayout cards = new FlexLayout(
                card("kpi-new", "New " + profile.label("work_item_plural").toLowerCase(), String.valueOf(today.newItems())),
                card("kpi-overdue", "Overdue " + profile.label("work_item_plural").toLowerCase(), String.valueOf(today.overdueItems())),
                card("kpi-unpaid", "Unpaid", zero),
                card("kpi-payments", "Today's payments", zero));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        H3 nextTitle = new H3("Next actions");
        VerticalLayout next = new VerticalLayout();
        next.setId("next-actions");
        next.setPadding(false);
        ZoneId zone = ZoneId.of(greeting.timezone());
        if (today.nextActions().isEmpty()) {
            next.add(new Span("Nothing urgent or overdue. "), new RouterLink("Open " + profile.label("work_item_plural"),
                    com.smbhub.web.work.WorkView.class));
        }
        for (WorkItemView item : today.nextActions()) {
            String when = item.dueAt() == null ? "" : " · due " + DateTimeFormatter.ofPattern("d MMM HH:mm")
                    .format(item.dueAt().atZone(zone));
            next.add(new RouterLink(item.title() + " · " + item.priority().toLowerCase() + when,
                    com.smbhub.web.work.WorkView.class));
        }
        add(title, role, cards, nextTitle, next);
    }

    private static Div card(String id, String label, String value) {
        Span number = new Span(value);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        number.setId(id);
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div card = new Div(number, new Div(caption));
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("min-width", "10rem");
        return card;
    }

    private static String money(String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.CANADA);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException e) {
            // unknown code: keep the default symbol
        }
        return format.format(0);
    }
}
