package com.smbhub.web.settings;

import com.smbhub.inbox.SavedAnswers;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;

/** Settings → Inbox → Saved answers: ready texts the composer inserts ({client_name}, {business_name} filled in). */
class SavedAnswersPanel extends VerticalLayout {

    private final transient SavedAnswers answers;

    SavedAnswersPanel(SavedAnswers answers) {
        this.answers = answers;
        setPadding(false);
        build();
    }

    private void build() {
        removeAll();
        Paragraph about = new Paragraph("Answers you give often, one click away in every conversation's composer."
                + " {client_name} and {business_name} are filled in when you use one.");
        Div list = new Div();
        list.setId("saved-answers");
        var all = answers.list();
        if (all.isEmpty()) {
            Span none = new Span("No saved answers yet.");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            list.add(none);
        }
        for (SavedAnswers.Answer a : all) {
            Span name = new Span(a.name());
            name.getStyle().set("font-weight", "600");
            Span first = new Span(a.body().lines().findFirst().orElse(""));
            first.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-left", "var(--lumo-space-s)")
                    .set("overflow", "hidden").set("text-overflow", "ellipsis").set("white-space", "nowrap");
            Button edit = new Button("Edit", e -> edit(a));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button remove = new Button("Delete", e -> {
                ConfirmDialog confirm = new ConfirmDialog("Delete \u201c" + a.name() + "\u201d?",
                        "It is no longer offered in the composer.", "Delete", ok -> {
                            try {
                                answers.delete(a.id());
                            } catch (NotFoundException gone) {
                                // deleted meanwhile
                            }
                            Toasts.done("Deleted");
                            build();
                        });
                confirm.setCancelable(true);
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            HorizontalLayout row = new HorizontalLayout(name, first, edit, remove);
            row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            row.setWidthFull();
            row.expand(first);
            row.addClassName("saved-answer");
            list.add(row);
        }
        Button add = new Button("New saved answer", e -> edit(null));
        add.setId("saved-answer-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3("Saved answers"), about, list, add);
    }

    private void edit(SavedAnswers.Answer current) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(current == null ? "New saved answer" : "Edit saved answer");
        TextField name = new TextField("Name");
        name.setId("saved-answer-name");
        name.setWidthFull();
        name.setPlaceholder("On our way");
        TextArea body = new TextArea("Text");
        body.setId("saved-answer-body");
        body.setWidthFull();
        body.setMinHeight("8rem");
        body.setPlaceholder("Hello {client_name}, we are on our way and arrive in about 30 minutes. {business_name}");
        if (current != null) {
            name.setValue(current.name());
            body.setValue(current.body());
        }
        Button save = new Button("Save", e -> {
            try {
                if (current == null) {
                    answers.create(name.getValue(), body.getValue());
                } else {
                    answers.update(current.id(), current.version(), name.getValue(), body.getValue());
                }
                dialog.close();
                Toasts.done("Saved");
                build();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("name", name, "body", body));
            } catch (ConflictException | NotFoundException ex) {
                Toasts.problem("Someone changed or deleted this answer meanwhile; here is the list as it is now.");
                dialog.close();
                build();
            }
        });
        save.setId("saved-answer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, body));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(36rem, 100vw)");
        dialog.open();
        name.focus();
    }
}
