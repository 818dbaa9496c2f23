package com.smbhub.web.shell;

import com.smbhub.platform.security.Access;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/** "More" of the phone's bottom bar: the modules the bar has no room for, as the business's profile names and turns them on. */
@Route(value = "more", layout = MainLayout.class)
@PageTitle("More · SMB Hub")
@CdiComponent
@PermitAll
public class MoreView extends VerticalLayout implements BeforeEnterObserver {

    @EJB ProfileService profiles;

    @EJB Access access;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2("More");
        title.setId("page-title");
        add(title);
        EffectiveProfile profile = profiles.effective();
        VerticalLayout list = new VerticalLayout();
        list.setId("more-modules");
        list.setPadding(false);
        list.setSpacing(false);
        for (Module module : Module.values()) {
            if (!MainLayout.IN_BOTTOM_BAR.contains(module) && module != Module.MORE && module.enabled(profile, access.role())) {
                list.add(entry(module.icon(), module.label(profile), module.path()));
            }
        }
        add(list);
        // the header has no room for it on a phone
        Anchor businesses = entry(VaadinIcon.BUILDING.create(), "Switch or add a business", "choose-business?all=1");
        businesses.setId("more-businesses");
        add(businesses);
    }

    private static Anchor entry(Icon icon, String label, String path) {
        Anchor entry = new Anchor(path, icon, new Span(label));
        entry.setId("more-" + path);
        entry.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "center")
                .set("width", "100%").set("padding", "var(--lumo-space-m) 0").set("font-size", "var(--lumo-font-size-l)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("text-decoration", "none");
        return entry;
    }
}
