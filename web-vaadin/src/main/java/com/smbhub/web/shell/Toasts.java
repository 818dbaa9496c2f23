package com.smbhub.web.shell;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The one way screens confirm an action or report a problem that has no field to sit at. */
public final class Toasts {

    private Toasts() {
    }

    public static void done(String message) {
        Notification.show(message, 2500, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void problem(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
