package com.smbhub.web.work;

import com.smbhub.home.HomeService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.web.shell.Toasts;
import com.smbhub.workitem.WorkItemDraft;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemView;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Work screen: filters, the list, a quick "New" dialog and an item dialog with its status moves. */
@Route(value = "work", layout = MainLayout.class)
@CdiComponent
@PermitAll
public class WorkView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final List<String> TYPES = List.of("REQUEST", "ORDER", "JOB", "SUPPORT", "ADMIN", "COLLECTION", "BOOKKEEPING");
    private static final String ANY = "ANY";

    @EJB
    WorkItemService work;

    @EJB
    ProfileService profiles;

    @EJB
    HomeService home;

    @EJB
    Access access;

    private final H2 heading = new H2();
    private final Button create = new Button();
    private final Select<String> status = select("filter-status", "Status",
            List.of(ANY, "NEW", "IN_PROGRESS", "NEEDS_APPROVAL", "WAITING", "DONE", "CANCELED"));
    private final Select<String> due = select("filter-due", "Due", List.of(ANY, "overdue", "today", "week"));
    private final Checkbox mine = new Checkbox("Assigned to me");
    private final Grid<WorkItemView> grid = new Grid<>(WorkItemView.class, false);
    private final Span empty = new Span();
    private final Button more = new Button("Show more");
    private final List<WorkItemView> rows = new ArrayList<>();
    private String nextKey;
    private EffectiveProfile profile;
    private ZoneId zone = ZoneId.of("UTC");
    private String title = "Work";

    public WorkView() {
        setSizeFull();
        heading.setId("page-title");
        create.setId("new-work-item");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openNew());
        mine.setId("filter-mine");
        status.addValueChangeListener(e -> reload());
        due.addValueChangeListener(e -> reload());
        mine.addValueChangeListener(e -> reload());
        grid.setId("work-grid");
        grid.addColumn(WorkItemView::title).setHeader("Title").setFlexGrow(3);
        grid.addColumn(w -> words(w.type())).setHeader("Type");
        grid.addColumn(w -> words(w.status())).setHeader("Status");
        grid.addColumn(w -> words(w.priority())).setHeader("Priority");
        grid.addColumn(w -> w.dueAt() == null ? "" : DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").format(w.dueAt().atZone(zone)))
                .setHeader("Due");
        grid.addItemClickListener(e -> openItem(e.getItem()));
        empty.setId("work-empty");
        more.addClickListener(e -> loadPage());
        HorizontalLayout top = new HorizontalLayout(heading, create);
        top.setWidthFull();
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        top.expand(heading);
        HorizontalLayout filters = new HorizontalLayout(status, due, mine);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        add(top, filters, grid, empty, more);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.hasForwardTarget() || event.hasRerouteTarget()) {
            return;
        }
        profile = profiles.effective();
        zone = ZoneId.of(home.greeting().timezone());
        heading.setText(profile.label("work_item_plural"));
        title = profile.label("work_item_plural") + " · SMB Hub";
        create.setText("New " + profile.label("work_item").toLowerCase());
        create.setVisible(Permissions.allows(access.role(), Capability.WORK_WRITE));
        reload();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void reload() {
        rows.clear();
        nextKey = null;
        loadPage();
    }

    private void loadPage() {
        var filter = new WorkItemService.Filter(value(status), null, null, mine.getValue() ? "me" : null, value(due));
        var page = work.list(filter, nextKey, 50);
        rows.addAll(page.items());
        nextKey = page.nextKey();
        grid.setItems(rows);
        more.setVisible(nextKey != null);
        empty.setVisible(rows.isEmpty());
        empty.setText("Nothing here." + (create.isVisible() ? " Create one with " + create.getText() + "." : ""));
    }

    /** The quick modal of PRD 3.6: title, type, due, plus the profile's own fields. */
    private void openNew() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(create.getText());
        TextField titleField = new TextField("Title");
        titleField.setId("wi-title");
        titleField.setRequiredIndicatorVisible(true);
        titleField.setWidthFull();
        Select<String> type = select("wi-type", "Type", TYPES);
        type.setValue(profile.defaultWorkItemType());
        DateTimePicker dueAt = new DateTimePicker("Due");
        dueAt.setId("wi-due");
        FormLayout form = new FormLayout(titleField, type, dueAt);
        Map<String, Component> extras = new LinkedHashMap<>();
        Map<String, HasValidation> byField = new HashMap<>();
        byField.put("title", titleField);
        byField.put("type", type);
        for (EffectiveProfile.ExtraField field : profile.workItemFields()) {
            Component input = switch (field.type()) {
                case "number" -> new NumberField(field.label());
                case "boolean" -> new Checkbox(field.label());
                default -> new TextField(field.label());
            };
            input.setId("wi-label-" + field.key());
            if (input instanceof TextField t) {
                t.setRequiredIndicatorVisible(field.required());
            }
            extras.put(field.key(), input);
            if (input instanceof HasValidation v) {
                byField.put("labels_json." + field.key(), v);
            }
            form.add(input);
        }
        Button save = new Button("Create", e -> {
            byField.values().forEach(f -> f.setInvalid(false));
            Map<String, Object> labels = new HashMap<>();
            extras.forEach((key, input) -> {
                Object value = input instanceof TextField t ? blankToNull(t.getValue())
                        : input instanceof NumberField n ? n.getValue()
                        : input instanceof Checkbox c && c.getValue() ? Boolean.TRUE : null;
                if (value != null) {
                    labels.put(key, value);
                }
            });
            WorkItemDraft draft = new WorkItemDraft(type.getValue(), titleField.getValue(), null, null, null,
                    dueAt.getValue() == null ? null : dueAt.getValue().atZone(zone).toInstant(), null, labels);
            try {
                work.create(draft, Optional.empty());
                dialog.close();
                Toasts.done("Created");
                reload();
            } catch (ValidationException ex) {
                List<String> unplaced = new ArrayList<>();
                ex.errors().forEach(err -> {
                    HasValidation f = byField.get(err.field());
                    if (f == null) {
                        unplaced.add(err.message());
                    } else {
                        f.setErrorMessage(err.message());
                        f.setInvalid(true);
                    }
                });
                if (!unplaced.isEmpty()) {
                    Toasts.problem(String.join(" ", unplaced));
                }
            }
        });
        save.setId("wi-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        titleField.focus();
    }

    /** The item with its facts and the status moves the caller may make. */
    private void openItem(WorkItemView item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(item.title());
        VerticalLayout body = new VerticalLayout();
        Span state = new Span("Status: " + words(item.status()));
        state.setId("wi-status");
        body.add(state, new Span("Type: " + words(item.type())), new Span("Priority: " + words(item.priority())));
        if (item.dueAt() != null) {
            body.add(new Span("Due: " + DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").format(item.dueAt().atZone(zone))));
        }
        profile.workItemFields().forEach(f -> {
            Object value = item.labels().get(f.key());
            if (value != null) {
                body.add(new Span(f.label() + ": " + value));
            }
        });
        HorizontalLayout moves = new HorizontalLayout();
        moves.getStyle().set("flex-wrap", "wrap");
        for (String next : item.nextStatuses()) {
            Button move = new Button(words(next), e -> {
                try {
                    work.update(item.id(), item.version(), item.draft(), next);
                    dialog.close();
                    Toasts.done("Moved to " + words(next));
                    reload();
                } catch (ValidationException ex) {
                    Toasts.problem(ex.errors().stream().map(err -> err.field() + ": " + err.message())
                            .reduce((a, b) -> a + "; " + b).orElse(ex.getMessage()));
                } catch (ConflictException | NotFoundException ex) {
                    Toasts.problem("This item changed meanwhile; the list is refreshed.");
                    dialog.close();
                    reload();
                }
            });
            move.setId("status-" + next);
            moves.add(move);
        }
        body.add(moves);
        dialog.add(body);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private static Select<String> select(String id, String label, List<String> items) {
        Select<String> select = new Select<>();
        select.setId(id);
        select.setLabel(label);
        select.setItems(items);
        select.setItemLabelGenerator(v -> ANY.equals(v) ? "Any" : words(v));
        select.setValue(items.get(0));
        return select;
    }

    private static String value(Select<String> select) {
        return select.getValue() == null || ANY.equals(select.getValue()) ? null : select.getValue();
    }

    static String words(String code) {
        String text = code.replace('_', ' ').toLowerCase();
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
