package com.smbhub.web.settings;

import com.smbhub.aidraft.AiDraftService;
import com.smbhub.aidraft.ChatReader;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.math.BigDecimal;

/**
 * Settings → Inbox → Text-to-Task: new messages read into drafts by themselves, and drafts applied by themselves when
 * the reading is sure enough (off until the business turns them on; applying makes drafts, it sends nothing).
 */
class AutomationPanel extends VerticalLayout {

    /** The choice that never applies by itself. */
    private static final String NEVER = "never";

    private final transient AiDraftService drafts;

    AutomationPanel(AiDraftService drafts) {
        this.drafts = drafts;
        setPadding(false);
        build();
    }

    /** Who reads the messages, and what the optional model cost this month. */
    static String reader(ChatReader.Usage usage) {
        if (usage.model() == null) {
            return "Messages are read on this server by SMB Hub's own rules; no message is sent anywhere to be read.";
        }
        return "Messages are read by the AI model " + usage.model() + " this server is set up with: " + usage.read()
                + (usage.read() == 1 ? " message" : " messages") + " this month, costing US$" + usage.spent() + " of the US$"
                + usage.budget().setScale(2, java.math.RoundingMode.HALF_UP) + " monthly budget"
                + (usage.fellBack() == 0 ? "." : "; " + usage.fellBack() + " read by the rules instead (over the budget or"
                + " the rate, or the model did not answer).");
    }

    private void build() {
        removeAll();
        AiDraftService.Automation now = drafts.automation();
        H3 title = new H3("Text-to-Task");
        Paragraph about = new Paragraph("New e-mails and texts can be read into a draft — a work item, quote, invoice or expense —"
                + " waiting in the conversation's AI panel for you to apply. Drafts never send, charge or message anyone.");
        Checkbox draft = new Checkbox("Draft new messages automatically");
        draft.setId("automation-draft");
        draft.setValue(now.autoDraft());
        draft.setHelperText("Automatic replies and messages with nothing to do are left alone");
        Select<String> apply = new Select<>();
        apply.setId("automation-apply");
        apply.setLabel("Apply a draft by itself when the reading is at least");
        apply.setItems(NEVER, "95", "90", "85", "80");
        apply.setItemLabelGenerator(v -> v.equals(NEVER) ? "Never — a person applies every draft" : v + " % sure");
        apply.setValue(now.applyAt() == null ? NEVER : String.valueOf(now.applyAt().movePointRight(2).intValue()));
        apply.setHelperText("Applying makes the work item, quote, invoice or expense as a draft; you still send it."
                + " Similar open work from the last day is left for you.");
        apply.setEnabled(now.autoDraft());
        apply.setWidth("24rem");
        draft.addValueChangeListener(e -> {
            apply.setEnabled(e.getValue());
            if (!e.getValue()) {
                apply.setValue(NEVER);
            }
        });
        Button save = new Button("Save Text-to-Task", e -> {
            try {
                drafts.automate(draft.getValue(), apply.getValue().equals(NEVER) ? null : new BigDecimal(apply.getValue()).movePointLeft(2));
                Toasts.done(draft.getValue() ? "New messages are drafted automatically" : "New messages are drafted when you ask");
                build();
            } catch (ValidationException ex) {
                apply.setInvalid(true);
                apply.setErrorMessage(ex.errors().get(0).message());
            }
        });
        save.setId("automation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph reader = new Paragraph(reader(now.reader()));
        reader.setId("automation-reader");
        reader.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(title, about, reader, draft, apply, save);
    }
}
