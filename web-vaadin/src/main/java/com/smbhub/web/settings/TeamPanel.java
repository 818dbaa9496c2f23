package com.smbhub.web.settings;

import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.MailFailedException;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Role;
import com.smbhub.tenant.TeamService;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.PhoneCards;
import com.smbhub.web.shell.Problems;
import com.smbhub.web.shell.RowClicks;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Words;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/** Settings → Team: invite by e-mail, change a member's role, disable or enable. */
class TeamPanel extends VerticalLayout {

    private final transient TeamService team;
    private final Role myRole;
    private final ZoneId zone;
    private final Grid<TeamService.Member> grid = new Grid<>();

    TeamPanel(TeamService team, Role myRole, ZoneId zone) {
        this.zone = zone;
        this.team = team;
        this.myRole = myRole;
        setPadding(false);
        EmailField email = new EmailField("Invite by e-mail");
        email.setId("invite-email");
        email.setPlaceholder("name@example.com");
        Select<Role> role = roles("invite-role", Permissions.allows(myRole, Capability.MANAGE_OWNERS));
        role.setValue(Role.STAFF);
        Button invite = new Button("Invite", e -> {
            try {
                TeamService.Invite sent = team.invite(email.getValue(), role.getValue());
                email.clear();
                showLink(sent);
                refresh();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.<String, HasValidation>of("email", email, "role", role));
            }
        });
        invite.setId("invite-send");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout inviteRow = new HorizontalLayout(email, role, invite);
        inviteRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        inviteRow.getStyle().set("flex-wrap", "wrap");
        grid.setId("team-grid");
        grid.addColumn(TeamService.Member::displayName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(TeamService.Member::email).setHeader("E-mail").setFlexGrow(2);
        grid.addColumn(m -> Words.of(m.role().name())).setHeader("Role");
        grid.addColumn(m -> Words.of(m.status())).setHeader("Status");
        PhoneCards.of(grid, m -> PhoneCards.card(m.displayName(), Words.of(m.role().name()), m.email(), Words.of(m.status())));
        RowClicks.open(grid, this::edit);
        grid.setAllRowsVisible(true);
        add(inviteRow, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(team.members());
    }

    private void showLink(TeamService.Invite sent) {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        String link = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/invite/" + sent.token();
        String mailed;
        try {
            team.emailInvitation(sent.member().memberId(), link);
            mailed = "We e-mailed this link to " + sent.member().email() + ".";
        } catch (MailFailedException e) {
            mailed = "The e-mail could not be sent (" + e.getMessage() + "); send the link yourself.";
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invitation ready");
        TextField field = new TextField("Link for " + sent.member().email());
        field.setId("invite-link");
        field.setValue(link);
        field.setReadOnly(true);
        field.setWidthFull();
        Paragraph note = new Paragraph(mailed + " The link works once, until "
                + Dates.current().in(zone).dayTime(sent.expiresAt()) + ".");
        note.setId("invite-mailed");
        Button copy = new Button("Copy link", e -> {
            UI.getCurrent().getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", link);
            Toasts.done("Link copied");
        });
        dialog.add(note, field);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()), copy);
        dialog.setWidth("min(40rem, 100vw)");
        dialog.open();
    }

    private void edit(TeamService.Member member) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(member.displayName() + " · " + member.email());
        Select<Role> role = roles("member-role", Permissions.allows(myRole, Capability.MANAGE_OWNERS) || member.role().isOwner());
        role.setValue(member.role());
        Button saveRole = new Button("Change role", e -> {
            try {
                team.changeRole(member.memberId(), member.version(), role.getValue());
                Toasts.done("Role changed");
                dialog.close();
                refresh();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.<String, HasValidation>of("role", role));
            } catch (ConflictException | NotFoundException ex) {
                Toasts.problem("This member changed meanwhile; the team is refreshed.");
                dialog.close();
                refresh();
            }
        });
        saveRole.setId("member-role-save");
        dialog.add(new HorizontalLayout(role, saveRole));
        Button toggle;
        if ("DISABLED".equals(member.status())) {
            toggle = new Button("Enable", e -> run(() -> team.enable(member.memberId()), "Enabled", dialog));
        } else {
            toggle = new Button("INVITED".equals(member.status()) ? "Withdraw invitation" : "Disable", e -> {
                ConfirmDialog confirm = new ConfirmDialog("Disable " + member.displayName() + "?",
                        member.displayName() + " will no longer be able to work in this business. You can enable them again.",
                        "Disable", ev -> run(() -> team.disable(member.memberId()), "Disabled", dialog));
                confirm.setConfirmButtonTheme("error primary");
                confirm.setCancelable(true);
                confirm.open();
            });
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        toggle.setId("member-toggle");
        dialog.getFooter().add(new Button("Close", e -> dialog.close()), toggle);
        dialog.open();
    }

    private void run(Supplier<TeamService.Member> action, String done, Dialog dialog) {
        try {
            action.get();
            Toasts.done(done);
        } catch (ValidationException ex) {
            Toasts.problem(Problems.say(ex));
        } catch (NotFoundException ex) {
            Toasts.problem("This member no longer exists.");
        }
        dialog.close();
        refresh();
    }

    private static Select<Role> roles(String id, boolean withOwner) {
        Select<Role> select = new Select<>();
        select.setId(id);
        select.setLabel("Role");
        select.setItems(Arrays.stream(Role.values()).filter(r -> !r.isOwner() || withOwner).toList());
        select.setItemLabelGenerator(r -> Words.of(r.name()));
        return select;
    }

}
