package com.smbhub.web.shell;

import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/**
 * An honest page for a module that has not landed yet, or that the business's profile turns off:
 * it says which, and does nothing else. Labels come from the profile.
 */
@CdiComponent
@PermitAll
public class ComingSoonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    @EJB ProfileService profiles;

    private String title = "SMB Hub";

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.hasForwardTarget() || event.hasRerouteTarget()) {
            return;
        }
        Module module = Module.at(event.getLocation().getFirstSegment()).orElse(Module.MORE);
        EffectiveProfile profile = profiles.effective();
        String label = module.label(profile);
        title = label + " · SMB Hub";
        removeAll();
        H2 heading = new H2(label);
        heading.setId("page-title");
        Paragraph message = new Paragraph(module.enabled(profile)
                ? label + " is not available yet. It arrives in an upcoming release; nothing on this page works until then."
                : label + " is turned off for your business. An owner or admin can turn it on in Settings.");
        message.setId("page-message");
        add(heading, message);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
