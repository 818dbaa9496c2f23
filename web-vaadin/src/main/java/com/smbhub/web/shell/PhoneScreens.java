package com.smbhub.web.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A list and its detail on a phone: one screen at a time, with a back arrow to the list. The view
 * carries the class {@code master-detail} and, while a detail is open, {@code reading}; the layout
 * rules are in styles/app.css. On a wider window both stay side by side and the arrow is hidden.
 */
public final class PhoneScreens {

    private PhoneScreens() {
    }

    /** Marks a list-and-detail view (a SplitLayout or a row of two). */
    public static void listAndDetail(HasStyle view) {
        view.addClassName("master-detail");
    }

    /**
     * A detail is open (the phone shows it instead of the list), or not; {@code scroller} (the side
     * that now shows) starts at its top, not where the last one was left.
     */
    public static void reading(HasStyle view, boolean reading, Component scroller) {
        view.setClassName("reading", reading);
        scroller.getElement().executeJs("this.scrollTop = 0");
    }

    /** The arrow back to the list, shown on a phone only. */
    public static Button back(Runnable back) {
        Button button = new Button(VaadinIcon.ARROW_LEFT.create(), e -> back.run());
        button.setAriaLabel("Back to the list");
        button.addClassName("back-to-list");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** A dialog that fills a phone's screen, with the back arrow before its title. */
    public static Dialog fullScreen(Dialog dialog) {
        dialog.getElement().getThemeList().add("screen");
        return withBack(dialog);
    }

    /** The back arrow before a dialog's title on a phone (a drawer already fills the screen there); closes it. */
    public static Dialog withBack(Dialog dialog) {
        Button back = back(dialog::close);
        back.setId("dialog-back");
        dialog.getHeader().add(back);
        return dialog;
    }
}
