package com.smbhub.web.inbox;

import com.smbhub.aidraft.AiDraftService;
import com.smbhub.aidraft.AiDraftStatus;
import com.smbhub.aidraft.AiDraftView;
import com.smbhub.platform.tenancy.Background;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.web.aidraft.AiDraftPanel;
import com.smbhub.contact.ContactChecks;
import com.smbhub.contact.ContactDraft;
import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.file.FileService;
import com.smbhub.home.HomeService;
import com.smbhub.inbox.Channel;
import com.smbhub.inbox.ConversationStatus;
import com.smbhub.inbox.ConversationView;
import com.smbhub.inbox.InboxService;
import com.smbhub.inbox.MessageState;
import com.smbhub.inbox.MessageView;
import com.smbhub.inbox.SavedAnswers;
import com.smbhub.inbox.SmsSettings;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.TeamService;
import com.smbhub.web.contact.ContactPicker;
import com.smbhub.web.file.FilesPanel;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.web.shell.PagedRows;
import com.smbhub.web.shell.PhoneScreens;
import com.smbhub.web.shell.Problems;
import com.smbhub.web.shell.RowClicks;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Waiting;
import com.smbhub.web.shell.Uploads;
import com.smbhub.web.shell.Words;
import com.smbhub.workitem.WorkItemDraft;
import com.smbhub.workitem.WorkItemView;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox (PRD 3.4, 3.5): conversations on the left, the open one on the right (one screen each on a
 * phone), with its messages, the answer box, assignment, open/closed, "Create contact" and "Convert to".
 */
@Route(value = "inbox", layout = MainLayout.class)
@CdiComponent
@PermitAll
public class InboxView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String ANY = "ANY";
    /** Attached pictures shown in the thread, not only linked. */
    private static final java.util.Set<String> PICTURES = java.util.Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    @EJB Background background;

    @EJB InboxService inbox;

    @EJB ProfileService profiles;

    @EJB HomeService home;

    @EJB TeamService team;

    @EJB ContactService contacts;

    @EJB FileService files;

    @EJB Access access;

    @EJB SmsSettings sms;

    @EJB SavedAnswers saved;

    @EJB AiDraftService drafts;

    private final H2 heading = new H2();
    private final Button compose = new Button("Compose", VaadinIcon.EDIT.create());
    private final Button simulate = new Button("Simulate an incoming text", VaadinIcon.MOBILE.create());
    private final TextField search = new TextField();
    private final Select<String> status = new Select<>();
    private final Checkbox unread = new Checkbox("Unread");
    private final Checkbox mine = new Checkbox("Assigned to me");
    private final Select<String> channel = new Select<>();
    private final Grid<ConversationView> grid = new Grid<>(ConversationView.class, false);
    private final PagedRows<ConversationView> paged = new PagedRows<>(grid, "inbox-empty",
            after -> inbox.list(filter(), after, 50), this::nothing);
    private final VerticalLayout list = new VerticalLayout();
    private final VerticalLayout thread = new VerticalLayout();
    private ZoneId zone = ZoneId.of("UTC");
    private String title = "Inbox";
    private String openId;
    private Registration polling;
    /** A text just sent awaits "Delivered", or a picture sent by MMS is still being fetched: the thread redraws. */
    private boolean awaitingDelivery;
    private TextArea composerText;
    /** Files picked for the answer being written (kept while the thread redraws). */
    private final List<InboxService.Attachment> pending = new java.util.concurrent.CopyOnWriteArrayList<>();

    public InboxView() {
        setSizeFull();
        addClassName("inbox");
        heading.setId("page-title");
        search.setId("inbox-search");
        search.setPlaceholder("Search name, address, subject, words");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(e -> paged.reload());
        status.setId("inbox-status");
        status.setItems(ConversationStatus.OPEN.name(), ConversationStatus.CLOSED.name(), ANY);
        status.setItemLabelGenerator(s -> ANY.equals(s) ? "All" : Words.of(s));
        status.setValue(ConversationStatus.OPEN.name());
        status.addValueChangeListener(e -> paged.reload());
        unread.setId("inbox-unread");
        unread.addValueChangeListener(e -> paged.reload());
        mine.setId("inbox-mine");
        mine.addValueChangeListener(e -> paged.reload());
        channel.setId("inbox-channel");
        channel.setItems(ANY, Channel.EMAIL.name(), Channel.SMS.name(), Channel.WEB_PORTAL.name());
        channel.setItemLabelGenerator(s -> ANY.equals(s) ? "All channels" : channelName(s));
        channel.setValue(ANY);
        channel.setAriaLabel("Channel");
        channel.setWidth("10rem");
        channel.addValueChangeListener(e -> paged.reload());
        grid.setId("inbox-grid");
        grid.addComponentColumn(this::row).setHeader("Conversations");
        RowClicks.open(grid, c -> open(c.id()));
        grid.setAllRowsVisible(false);
        HorizontalLayout filters = new HorizontalLayout(status, channel, unread, mine);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        list.addClassName("inbox-list");
        list.setPadding(false);
        compose.setId("inbox-compose");
        compose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compose.addClickListener(e -> compose(null));
        HorizontalLayout top = new HorizontalLayout(heading, compose);
        simulate.setId("inbox-simulate");
        simulate.setVisible(false);
        simulate.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        simulate.setTooltipText("Test mode: a text to your number through the real webhook; no phone involved");
        simulate.addClickListener(e -> simulate());
        top.setWidthFull();
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        top.expand(heading);
        list.add(top, search, filters, simulate, grid, paged.empty(), paged.more());
        list.setFlexGrow(1, grid);
        list.setHeightFull();
        list.setWidth("24rem");
        thread.addClassName("inbox-thread");
        thread.setId("inbox-thread");
        thread.setPadding(false);
        thread.setWidth(null);
        HorizontalLayout panes = new HorizontalLayout(list, thread);
        panes.setSizeFull();
        panes.setFlexGrow(1, thread);
        panes.addClassName("inbox-panes");
        add(panes);
        showNothing();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.hasForwardTarget() || event.hasRerouteTarget()) {
            return;
        }
        String label = profiles.effective().label("inbox");
        heading.setText(label);
        title = label + " · SMB Hub";
        if (!profiles.effective().capability("inbox")) {
            removeAll();
            H2 off = new H2(label);
            off.setId("page-title");
            Span message = new Span(label + " is turned off for your business. An owner or admin can turn it on in Settings.");
            message.setId("page-message");
            add(off, message);
            return;
        }
        zone = ZoneId.of(home.greeting().timezone());
        compose.setVisible(Permissions.allows(access.role(), Capability.INBOX_RESPOND));
        simulate.setVisible(sms.canSimulate());
        paged.reload();
        event.getLocation().getQueryParameters().getSingleParameter("c").ifPresent(this::open);
        if (compose.isVisible()) { // a new message to a contact, from the contact's page
            event.getLocation().getQueryParameters().getSingleParameter("compose").ifPresent(this::compose);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** New mail shows up by itself: every 5 s the first page is compared, and the list (and open thread) redrawn when it changed. */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(5000);
        polling = event.getUI().addPollListener(e -> refreshIfChanged());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        super.onDetach(event);
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void refreshIfChanged() {
        if (openId != null && awaitingDelivery) {
            show(inbox.get(openId)); // a text just sent: its "Delivered" follows within seconds
        }
        List<String> before = paged.rows().stream().limit(50).map(InboxView::stamp).toList();
        List<ConversationView> first = inbox.list(filter(), null, 50).items();
        if (!first.stream().map(InboxView::stamp).toList().equals(before)) {
            if (openId != null && first.stream().anyMatch(c -> c.id().equals(openId) && c.unreadCount() > 0)) {
                show(inbox.open(openId));
            }
            paged.reload();
        }
    }

    private static String stamp(ConversationView c) {
        return c.id() + c.lastMessageAt() + c.unreadCount() + c.status() + c.assignedTo();
    }

    private InboxService.Filter filter() {
        return new InboxService.Filter(ANY.equals(status.getValue()) ? null : status.getValue(),
                ANY.equals(channel.getValue()) ? null : channel.getValue(),
                mine.getValue() ? "me" : null, unread.getValue() ? Boolean.TRUE : null,
                search.getValue().isBlank() ? null : search.getValue());
    }

    private String nothing() {
        return search.getValue().isBlank() && ConversationStatus.OPEN.name().equals(status.getValue()) && !unread.getValue() && !mine.getValue()
                && ANY.equals(channel.getValue())
                ? "No open conversations. E-mail sent to your business's mailbox (Settings → Inbox) arrives here."
                : "No conversation matches.";
    }

    /** One list row: who, when, subject and the latest line, unread count and what was made from it. */
    private Div row(ConversationView c) {
        Span who = new Span(c.who());
        who.getStyle().set("font-weight", c.unreadCount() > 0 ? "600" : "400");
        Span when = new Span(when(c.lastMessageAt()));
        when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout top = new HorizontalLayout(who, when);
        top.setWidthFull();
        top.expand(who);
        if (c.unreadCount() > 0) {
            Span badge = new Span(String.valueOf(c.unreadCount()));
            badge.getElement().getThemeList().add("badge primary pill small");
            badge.addClassName("unread-badge");
            top.add(badge);
        }
        if (!c.workItemIds().isEmpty()) {
            Span work = new Span(VaadinIcon.TASKS.create());
            work.setTitle("Has a work item");
            top.add(work);
        }
        Span subject = new Span(c.subject() != null && !c.subject().isBlank() ? c.subject()
                : c.channel().equals(Channel.EMAIL.name()) ? "(no subject)" : channelName(c.channel()));
        subject.getStyle().set("display", "block").set("white-space", "nowrap").set("overflow", "hidden")
                .set("text-overflow", "ellipsis");
        Span snippet = new Span(c.snippet() == null ? "" : c.snippet());
        snippet.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)").set("white-space", "nowrap").set("overflow", "hidden")
                .set("text-overflow", "ellipsis");
        Div row = new Div(top, subject, snippet);
        row.addClassName("inbox-row");
        row.getStyle().set("padding", "var(--lumo-space-xs) 0").set("min-width", "0");
        return row;
    }

    private String when(Instant at) {
        if (at == null) {
            return "";
        }
        Dates dates = Dates.current().in(zone);
        return at.atZone(zone).toLocalDate().equals(BusinessClock.today(zone)) ? dates.time(at) : dates.day(at);
    }

    private void showNothing() {
        awaitingDelivery = false;
        openId = null;
        removeClassName("reading");
        thread.removeAll();
        Span hint = new Span("Pick a conversation to read it.");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "var(--lumo-space-l)");
        thread.add(hint);
    }

    private void open(String id) {
        try {
            show(inbox.open(id));
            paged.reload();
        } catch (NotFoundException | ValidationException e) {
            Toasts.problem("That conversation does not exist or is not yours to see.");
            showNothing();
        }
    }

    /** The conversation: its header and actions, the messages, and the answer box. */
    private void show(ConversationView c) {
        String typed = composerText != null && c.id().equals(openId) ? composerText.getValue() : "";
        if (!c.id().equals(openId)) {
            pending.clear();
        }
        composerText = null;
        openId = c.id();
        addClassName("reading");
        thread.removeAll();
        Button back = PhoneScreens.back(this::showNothing);
        H3 who = new H3(c.who());
        who.setId("thread-who");
        who.getStyle().set("margin", "0");
        Span channel = new Span(channelName(c.channel()));
        channel.setId("thread-channel");
        channel.getElement().getThemeList().add("badge contrast small");
        Span state = new Span(Words.of(c.status()));
        state.setId("thread-status");
        state.getElement().getThemeList().add(c.is(ConversationStatus.OPEN) ? "badge success small" : "badge small");
        HorizontalLayout header = new HorizontalLayout(back, who, channel, state);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout actions = new HorizontalLayout();
        actions.getStyle().set("flex-wrap", "wrap");
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (c.contactId() != null) {
            Button contact = new Button("Open contact", VaadinIcon.USER.create(), e -> getUI().ifPresent(ui -> ui.navigate(
                    "contacts", QueryParameters.of("open", c.contactId()))));
            contact.setId("thread-contact");
            contact.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(contact);
        } else if (c.allowedActions().contains("create_contact")) {
            Button create = new Button("Create contact", VaadinIcon.USER_CHECK.create(), e -> createContact(c));
            create.setId("thread-create-contact");
            actions.add(create);
        }
        List<MessageView> shown = inbox.messages(c.id());
        MessageView lastReceived = shown.stream().filter(MessageView::inbound).reduce((a, b) -> b).orElse(null);
        if (lastReceived != null && Permissions.allows(access.role(), Capability.AI_DRAFTS_CREATE)) {
            List<AiDraftView> made = drafts.forConversation(c.id());
            Optional<AiDraftView> waiting = made.stream().filter(d -> lastReceived.id().equals(d.sourceId())
                    && AiDraftStatus.OPEN.contains(AiDraftStatus.of(d.status()))).findFirst();
            Button turn = new Button(waiting.isPresent() ? "Review draft" : "Turn into…", VaadinIcon.MAGIC.create(),
                    e -> turnInto(c, lastReceived));
            turn.setId("thread-ai");
            turn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(turn);
            waiting.ifPresent(d -> actions.add(badge("thread-ai-ready", AiDraftPanel.kind(d.intent()) + " drafted from this message")));
            made.stream().filter(d -> d.autoApplied() && lastReceived.id().equals(d.sourceId())).findFirst().ifPresent(d -> actions.add(
                    badge("thread-ai-applied", AiDraftPanel.kind(d.intent()) + " made by itself as a draft; nothing was sent")));
        }
        if (c.allowedActions().contains("convert")) {
            Button convert = new Button("Convert to work item", VaadinIcon.TASKS.create(), e -> convert(c));
            convert.setId("thread-convert");
            actions.add(convert);
        }
        if (c.allowedActions().contains("convert") && c.contactId() != null
                && Permissions.grant(access.role(), Capability.MONEY_DRAFT) != Grant.NONE) {
            EffectiveProfile profile = profiles.effective();
            if (profile.capability("quotes") && profile.conversion("work_item_to_quote")) {
                Button quote = new Button("Draft " + profile.label("quote").toLowerCase(), e -> draft(c, false));
                quote.setId("thread-draft-quote");
                actions.add(quote);
            }
            if (profile.capability("invoices") && profile.conversion("work_item_to_invoice")) {
                Button invoice = new Button("Draft invoice", e -> draft(c, true));
                invoice.setId("thread-draft-invoice");
                actions.add(invoice);
            }
        }
        if (c.documentId() != null) {
            boolean quote = "QUOTE".equals(c.documentType());
            Button document = new Button(quote ? "Open " + profiles.effective().label("quote").toLowerCase() : "Open invoice",
                    VaadinIcon.FILE_TEXT_O.create(), e -> getUI().ifPresent(ui -> ui.navigate(quote ? "quotes" : "invoices",
                    QueryParameters.of("open", c.documentId()))));
            document.setId("thread-document");
            actions.add(document);
        }
        for (String workItemId : c.workItemIds()) {
            Button work = new Button("Open work item", e -> getUI().ifPresent(ui -> ui.navigate("work",
                    QueryParameters.of("item", workItemId))));
            work.addClassName("thread-work-item");
            work.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(work);
        }
        if (c.allowedActions().contains("assign")) {
            actions.add(assign(c));
        }
        if (c.allowedActions().contains("close") || c.allowedActions().contains("reopen")) {
            boolean closing = c.allowedActions().contains("close");
            Button move = new Button(closing ? "Close" : "Reopen", e -> update(c, null, (closing ? ConversationStatus.CLOSED : ConversationStatus.OPEN).name()));
            move.setId("thread-close");
            actions.add(move);
        }
        VerticalLayout messages = new VerticalLayout();
        messages.setId("thread-messages");
        messages.setPadding(false);
        messages.setSpacing(true);
        awaitingDelivery = false;
        for (MessageView m : shown) {
            messages.add(bubble(c, m));
            awaitingDelivery |= !m.inbound() && m.is(MessageState.SENT) && c.channel().equals(Channel.SMS.name())
                    && m.at().isAfter(Instant.now().minusSeconds(600)) || m.filesComing() > 0;
        }
        thread.add(header, actions, messages);
        if (c.notice() != null) {
            Paragraph notice = new Paragraph(c.notice());
            notice.setId("thread-notice");
            notice.addClassName("inbox-notice");
            thread.add(notice);
        }
        if (c.allowedActions().contains("reply")) {
            thread.add(composer(c, typed));
        }
    }

    private Div bubble(ConversationView c, MessageView m) {
        Span from = new Span(m.inbound() ? (m.fromName() != null ? m.fromName() + " <" + m.fromAddress() + ">"
                : m.fromAddress() == null ? "Unknown sender" : ContactChecks.readable(m.fromAddress()))
                : "You → " + ContactChecks.readable(m.to()));
        from.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-s)");
        Span at = new Span(Dates.current().in(zone).dayTime(m.at()));
        at.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("margin-left", "var(--lumo-space-s)");
        Div head = new Div(from, at);
        Div text = new Div();
        text.setText(m.text() == null ? "" : m.text());
        text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        text.addClassName("message-text");
        Div bubble = new Div(head);
        if (m.automatic() != null) {
            Span auto = new Span(switch (m.automatic()) {
                case "BOUNCE" -> "Delivery failure report";
                case "LIST" -> "Mailing list";
                default -> "Automatic reply";
            });
            auto.getElement().getThemeList().add("badge contrast small");
            bubble.add(auto);
        }
        bubble.add(text);
        if (m.html() != null && !m.html().isBlank()) {
            bubble.add(formatted(c, m, text));
        }
        for (var file : m.attachments()) {
            Anchor link = new Anchor(FilesPanel.download(files, file.id()), "📎 " + file.fileName());
            link.getElement().setAttribute("download", true);
            if (PICTURES.contains(file.mimeType())) {
                Image picture = new Image(FilesPanel.download(files, file.id()), file.fileName());
                picture.addClassName("inbox-picture");
                picture.getStyle().set("display", "block").set("max-width", "min(240px, 100%)").set("border-radius", "4px");
                link.add(picture);
            }
            bubble.add(new Div(link));
        }
        if (m.filesComing() > 0) {
            Span coming = new Span(m.filesComing() == 1 ? "A picture is on its way from Twilio…"
                    : m.filesComing() + " pictures are on their way from Twilio…");
            coming.addClassName("inbox-files-coming");
            coming.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            bubble.add(coming);
        }
        if (m.is(MessageState.UNREADABLE)) {
            Anchor source = new Anchor(DownloadHandler.fromInputStream(event -> {
                try {
                    byte[] raw = inbox.source(c.id(), m.id());
                    return new DownloadResponse(new ByteArrayInputStream(raw), "message.eml", "message/rfc822", raw.length);
                } catch (RuntimeException e) {
                    return DownloadResponse.error(404, "No such message");
                }
            }), "Download its source");
            source.getElement().setAttribute("download", true);
            bubble.add(new Div(source));
        }
        if (m.is(MessageState.FAILED)) {
            Span failed = new Span("Failed to send: " + (m.error() == null ? "the mail server refused it" : m.error()));
            failed.getStyle().set("color", "var(--lumo-error-text-color)");
            Button retry = new Button("Retry", e -> {
                try {
                    MessageView again = inbox.retry(c.id(), m.id());
                    if (again.is(MessageState.SENT)) {
                        Toasts.done("Sent");
                    } else {
                        Toasts.problem("Failed to send again: " + again.error());
                    }
                } catch (ValidationException | NotFoundException ex) {
                    Toasts.problem(Problems.say(ex));
                }
                show(inbox.get(c.id()));
            });
            retry.addClassName("message-retry");
            bubble.add(new Div(failed, retry));
        } else if (m.is(MessageState.QUEUED)) {
            bubble.add(new Span("Sending…"));
        } else if (!m.inbound() && c.channel().equals(Channel.SMS.name())) {
            Span fate = new Span(m.is(MessageState.DELIVERED) ? "Delivered" : "Sent");
            fate.addClassName("message-fate");
            fate.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            bubble.add(fate);
        }
        bubble.addClassNames("message", m.inbound() ? "inbound" : "outbound");
        return bubble;
    }

    /**
     * "Show formatted": the sanitised HTML in place of the text (no images); "Show images" opens the message with
     * its images in a page of its own, where nothing can run (a remote image tells the sender the mail was read).
     */
    private Div formatted(ConversationView c, MessageView m, Div text) {
        Div html = new Div();
        html.addClassName("message-html");
        html.getElement().setProperty("innerHTML", m.html());
        html.setVisible(false);
        Button toggle = new Button("Show formatted");
        toggle.addClassName("message-format");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        toggle.addClickListener(e -> {
            boolean show = !html.isVisible();
            html.setVisible(show);
            text.setVisible(!show);
            toggle.setText(show ? "Show as text" : "Show formatted");
        });
        Div tools = new Div(toggle);
        if (m.remoteImages()) {
            Anchor images = new Anchor((com.vaadin.flow.server.streams.DownloadHandler) event -> {
                String page;
                try {
                    page = "<!doctype html><meta charset=\"utf-8\"><base target=\"_blank\"><title>Message</title>"
                            + inbox.original(c.id(), m.id());
                } catch (RuntimeException ex) {
                    event.getResponse().setStatus(404);
                    page = "No such message";
                }
                event.getResponse().setHeader("Content-Security-Policy",
                        "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; sandbox allow-popups");
                event.getResponse().setHeader("Referrer-Policy", "no-referrer");
                event.setContentType("text/html; charset=utf-8");
                event.getWriter().write(page);
            }, com.vaadin.flow.component.html.AttachmentType.INLINE, "Show images");
            images.setTarget("_blank");
            images.addClassName("message-images");
            images.getElement().setAttribute("title", "Opens the message with its pictures; their sender can then see it was read");
            images.getStyle().set("margin-left", "var(--lumo-space-s)").set("font-size", "var(--lumo-font-size-s)");
            tools.add(images);
        }
        return new Div(html, tools);
    }

    /** The answer box; {@code typed}: what was in it before the thread was redrawn (new mail arriving). */
    private VerticalLayout composer(ConversationView c, String typed) {
        TextArea text = new TextArea();
        text.setValue(typed);
        composerText = text;
        text.setId("composer-text");
        boolean texting = c.channel().equals(Channel.SMS.name());
        text.setPlaceholder(texting ? "Write your text" : "Write your answer");
        if (texting) {
            text.setMaxLength(1600);
            text.setValueChangeMode(ValueChangeMode.EAGER);
            text.setHelperText(text.getValue().length() + " / 1600");
            text.addValueChangeListener(e -> text.setHelperText(e.getValue().length() + " / 1600"));
        }
        text.setWidthFull();
        text.setMinHeight("6rem");
        Button send = new Button("Send", VaadinIcon.PAPERPLANE.create());
        send.setId("composer-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER, com.vaadin.flow.component.KeyModifier.CONTROL);
        send.addClickListener(e -> {
            send.setEnabled(false);
            try {
                MessageView sent = inbox.reply(c.id(), text.getValue(), List.copyOf(pending), Optional.empty());
                pending.clear();
                if (sent.is(MessageState.SENT)) {
                    Toasts.done("Sent");
                } else {
                    Toasts.problem("Failed to send: " + sent.error() + ". It is kept in the thread; retry from there.");
                }
                text.clear();
                show(inbox.get(c.id()));
                paged.reload();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("text", text, "to", text, "channel", text, "attachments", text));
                send.setEnabled(true);
            }
        });
        Span hint = new Span(texting ? "Ctrl+Enter sends, from your Twilio number. Their answer comes back here."
                : "Ctrl+Enter sends. The client's answer comes back to this conversation.");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout box = new VerticalLayout(text);
        List<SavedAnswers.Answer> answers = saved.list();
        if (!answers.isEmpty()) {
            Select<SavedAnswers.Answer> pick = new Select<>();
            pick.setId("composer-saved");
            pick.setPlaceholder("Insert a saved answer");
            pick.setAriaLabel("Insert a saved answer");
            pick.setItems(answers);
            pick.setItemLabelGenerator(SavedAnswers.Answer::name);
            pick.setWidth("min(20rem, 100%)");
            pick.addValueChangeListener(e -> {
                if (e.getValue() != null && e.isFromClient()) {
                    String filled = SavedAnswers.fill(e.getValue().body(), c.contactName(), home.greeting().businessName());
                    // ends with a space: what one types next starts a new sentence, not the last word's end
                    text.setValue((text.getValue().isBlank() ? filled : text.getValue().stripTrailing() + "\n\n" + filled) + " ");
                    pick.clear();
                    text.focus();
                }
            });
            box.add(pick);
        }
        if (!texting) {
            box.add(attachments());
        }
        box.add(new HorizontalLayout(send, hint));
        box.setPadding(false);
        box.addClassName("composer");
        return box;
    }

    /** "Attach a file" for the answer: the picked files as chips with ×, sent with it. */
    private Div attachments() {
        Div chips = new Div();
        chips.setId("composer-files");
        Runnable[] redraw = new Runnable[1];
        redraw[0] = () -> {
            chips.removeAll();
            for (InboxService.Attachment a : List.copyOf(pending)) {
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    pending.remove(a);
                    redraw[0].run();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                remove.setAriaLabel("Remove " + a.fileName());
                Span chip = new Span(new Span("📎 " + a.fileName()), remove);
                chip.getElement().getThemeList().add("badge contrast");
                chip.getStyle().set("margin-right", "var(--lumo-space-xs)");
                chips.add(chip);
            }
        };
        redraw[0].run();
        Span error = new Span();
        error.setId("composer-files-error");
        Upload upload = Uploads.of("composer-attach", error, (name, in) -> {
            try {
                byte[] bytes = in.readNBytes((int) files.maxBytes() + 1);
                if (bytes.length > files.maxBytes()) {
                    throw new ValidationException("attachments", "Too large to send");
                }
                pending.add(new InboxService.Attachment(name, bytes));
            } catch (java.io.IOException e) {
                throw new ValidationException("attachments", "The file could not be read");
            }
        }, name -> redraw[0].run());
        upload.setMaxFiles(10);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, files.maxBytes()));
        upload.setAcceptedFileTypes("application/pdf", "image/*", "text/plain", "text/csv", ".pdf", ".jpg", ".jpeg",
                ".png", ".gif", ".webp", ".txt", ".csv");
        upload.setUploadButton(new Button("Attach a file", VaadinIcon.PAPERCLIP.create()));
        upload.setDropLabel(new Span("or drop it here"));
        upload.getStyle().set("padding", "var(--lumo-space-xs)");
        return new Div(chips, upload, error);
    }

    private Select<String> assign(ConversationView c) {
        Map<String, String> people = new HashMap<>();
        List<TeamService.Member> members = team.assignable();
        members.forEach(m -> people.put(m.userId(), m.displayName()));
        Select<String> who = new Select<>();
        who.setId("thread-assign");
        who.setLabel("Assigned to");
        List<String> ids = new java.util.ArrayList<>();
        ids.add("");
        members.forEach(m -> ids.add(m.userId()));
        who.setItems(ids);
        who.setItemLabelGenerator(id -> id.isEmpty() ? "Nobody" : people.getOrDefault(id, "Someone"));
        who.setValue(c.assignedTo() == null ? "" : c.assignedTo());
        who.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                update(c, e.getValue(), null);
            }
        });
        return who;
    }

    private void update(ConversationView c, String assignTo, String to) {
        try {
            ConversationView changed = inbox.update(c.id(), c.version(), assignTo, to);
            Toasts.done(to == null ? "Assigned" : ConversationStatus.CLOSED.name().equals(to) ? "Closed" : "Reopened");
            show(changed);
            paged.reload();
        } catch (ConflictException | NotFoundException e) {
            Toasts.problem("This conversation changed meanwhile; it is shown as it is now.");
            open(c.id());
        } catch (ValidationException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    /** The conversation's draft invoice or quote (its work item made on the way), opened in its editor. */
    private void draft(ConversationView c, boolean invoice) {
        try {
            String id = invoice ? inbox.draftInvoice(c.id()).document().id() : inbox.draftQuote(c.id()).document().id();
            getUI().ifPresent(ui -> ui.navigate(invoice ? "invoices" : "quotes", QueryParameters.of("open", id)));
        } catch (ValidationException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    /** "Compose": a contact (or an address), a subject and the message; the new conversation opens. */
    private void compose(String contactId) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New message");
        var contact = ContactPicker.create(ContactPicker.Source.of(contacts), "compose-contact", "Contact", null);
        contact.setWidthFull();
        RadioButtonGroup<String> how = new RadioButtonGroup<>("Send as");
        how.setId("compose-channel");
        how.setItems(Channel.EMAIL.name(), Channel.SMS.name());
        how.setItemLabelGenerator(InboxView::channelName);
        how.setValue(Channel.EMAIL.name());
        EmailField to = new EmailField("To");
        to.setId("compose-to");
        to.setWidthFull();
        to.setHelperText("Empty: the contact's e-mail");
        TextField number = new TextField("To (phone)");
        number.setId("compose-number");
        number.setWidthFull();
        number.setHelperText("Empty: the contact's phone");
        number.setVisible(false);
        contact.addValueChangeListener(e -> {
            ContactView picked = e.getValue();
            to.setPlaceholder(picked == null || picked.email() == null ? "" : picked.email());
            number.setPlaceholder(picked == null || picked.phone() == null ? "" : picked.phone());
            if (picked != null && (e.isFromClient() || contactId != null)) { // reach them by e-mail when they have one, else a text
                boolean mail = picked.email() != null && !picked.email().isBlank();
                boolean phone = picked.phone() != null && !picked.phone().isBlank();
                how.setValue(!mail && phone ? Channel.SMS.name() : Channel.EMAIL.name());
            }
        });
        TextField subject = new TextField("Subject");
        subject.setId("compose-subject");
        subject.setWidthFull();
        TextArea text = new TextArea("Message");
        text.setId("compose-text");
        text.setWidthFull();
        text.setMinHeight("8rem");
        Button send = new Button("Send", VaadinIcon.PAPERPLANE.create(), e -> {
            try {
                boolean texting = Channel.SMS.name().equals(how.getValue());
                String recipient = texting ? number.getValue() : to.getValue();
                ConversationView made = inbox.compose(how.getValue(), contact.getValue() == null ? null : contact.getValue().id(),
                        recipient.isBlank() ? null : recipient, texting ? null : subject.getValue(), text.getValue(),
                        Optional.empty());
                dialog.close();
                Toasts.done("Sent");
                paged.reload();
                show(made);
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("contact_id", contact, "to", Channel.SMS.name().equals(how.getValue()) ? number : to,
                        "subject", subject, "text", text, "channel", how));
            }
        });
        send.setId("compose-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        how.addValueChangeListener(e -> {
            boolean texting = Channel.SMS.name().equals(e.getValue());
            to.setVisible(!texting);
            subject.setVisible(!texting);
            number.setVisible(texting);
            text.setMaxLength(texting ? 1600 : 20_000);
        });
        dialog.add(new VerticalLayout(how, contact, to, number, subject, text));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        dialog.setWidth("min(40rem, 100vw)");
        ContactPicker.select(contact, ContactPicker.Source.of(contacts), contactId);
        dialog.open();
        contact.focus();
    }

    /** Test mode: a text "from" a phone to the business's number, through the real webhook, signed as Twilio signs it. */
    private void simulate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Simulate an incoming text");
        Span badge = new Span("Test mode: nothing is sent to or from a real phone");
        badge.getElement().getThemeList().add("badge contrast");
        TextField from = new TextField("From (phone)");
        from.setId("simulate-from");
        from.setValue("+1 416 555 0134");
        from.setWidthFull();
        TextArea text = new TextArea("Text");
        text.setId("simulate-text");
        text.setWidthFull();
        text.setMaxLength(1600);
        text.setPlaceholder("Hi, my kitchen tap is leaking. Can someone come tomorrow?");
        Button send = new Button("Send text", VaadinIcon.PAPERPLANE.create(), e -> {
            try {
                int status = sms.simulateIncoming(from.getValue(), text.getValue());
                if (status == 200) {
                    dialog.close();
                    Toasts.done("Text received");
                    paged.reload();
                } else {
                    Toasts.problem("The webhook answered " + status + "; see the server log");
                }
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("from", from, "text", text));
            } catch (IllegalStateException ex) {
                Toasts.problem(ex.getMessage());
            }
        });
        send.setId("simulate-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(badge, from, text));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        dialog.setWidth("min(32rem, 100vw)");
        dialog.open();
        text.focus();
    }

    static String channelName(String channel) {
        return switch (channel) {
            case "EMAIL" -> "E-mail";
            case "SMS" -> "Text message";
            case "WEB_PORTAL" -> "Client portal";
            default -> Words.of(channel);
        };
    }

    /** "Create contact", prefilled from the sender; an existing contact with that address is offered instead. */
    private void createContact(ConversationView c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create contact");
        TextField name = new TextField("Name");
        name.setId("new-contact-name");
        name.setWidthFull();
        boolean texting = c.channel().equals(Channel.SMS.name());
        name.setValue(texting ? "" : senderName(c));
        name.setPlaceholder(texting ? "Their name" : "");
        EmailField email = new EmailField("E-mail");
        email.setId("new-contact-email");
        email.setWidthFull();
        TextField phone = new TextField("Phone");
        phone.setId("new-contact-phone");
        phone.setWidthFull();
        (texting ? phone : email).setValue(c.counterpart() == null ? "" : texting ? ContactChecks.readable(c.counterpart())
                : c.counterpart());
        Button save = new Button("Create and link", e -> {
            try {
                ContactView made = contacts.create(ContactDraft.of(name.getValue(), email.getValue().isBlank() ? null
                        : email.getValue(), phone.getValue().isBlank() ? null : phone.getValue()), false, Optional.empty());
                link(c, made, dialog);
            } catch (ContactService.DuplicateContactException ex) {
                @SuppressWarnings("unchecked")
                List<ContactView> matches = (List<ContactView>) ex.current();
                link(c, matches.get(0), dialog);
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("display_name", name, "email", email, "phone", phone));
            }
        });
        save.setId("new-contact-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        dialog.add(texting ? new VerticalLayout(name, phone, email) : new VerticalLayout(name, email, phone));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(28rem, 100vw)");
        dialog.open();
        name.focus();
    }

    /** The sender's name from their latest message, else the part of the address before the @. */
    private String senderName(ConversationView c) {
        return inbox.messages(c.id()).stream().filter(m -> m.inbound() && m.fromName() != null && !m.fromName().isBlank())
                .reduce((a, b) -> b).map(MessageView::fromName)
                .orElse(c.counterpart() == null ? "" : c.channel().equals(Channel.SMS.name()) ? ContactChecks.readable(c.counterpart())
                        : c.counterpart().substring(0, Math.max(0, c.counterpart().indexOf('@'))));
    }

    /** A contact for the sender: a new one, or the one that already has the address. */
    private ContactView contactFor(ConversationView c) {
        try {
            boolean texting = c.channel().equals(Channel.SMS.name());
            return contacts.create(ContactDraft.of(senderName(c), texting ? null : c.counterpart(), texting ? c.counterpart() : null),
                    false, Optional.empty());
        } catch (ContactService.DuplicateContactException ex) {
            @SuppressWarnings("unchecked")
            List<ContactView> matches = (List<ContactView>) ex.current();
            return matches.get(0);
        }
    }

    private void link(ConversationView c, ContactView contact, Dialog dialog) {
        try {
            ConversationView linked = inbox.linkContact(c.id(), contact.id());
            dialog.close();
            Toasts.done("Linked to " + contact.displayName());
            show(linked);
            paged.reload();
        } catch (ValidationException ex) {
            Toasts.problem(Problems.say(ex));
        }
    }

    /**
     * "Turn into…": the last received message read into a draft (its open draft if it has one), in the AI panel; an
     * expense made from it opens on the Expenses screen.
     */
    private void turnInto(ConversationView c, MessageView message) {
        try {
            Waiting.inDialog("ai-reading", "Reading the message…", background.start(() -> drafts.parseMessage(message.id(), null).draft()),
                    draft -> new AiDraftPanel(drafts, background, draft, message.id(), message.text(), done -> {
                        Toasts.done(KIND_MADE.getOrDefault(done.appliedEntityType(), "Draft") + " drafted from the message; nothing was sent");
                        if ("EXPENSE".equals(done.appliedEntityType())) {
                            getUI().ifPresent(ui -> ui.navigate("expenses", QueryParameters.of("open", done.appliedEntityId())));
                            return;
                        }
                        open(c.id());
                    }).open());
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    private static Span badge(String id, String text) {
        Span badge = new Span(text);
        badge.setId(id);
        badge.getElement().getThemeList().add("badge small");
        return badge;
    }

    private static final Map<String, String> KIND_MADE = Map.of("WORK_ITEM", "Work item", "QUOTE", "Quote", "INVOICE", "Invoice",
            "EXPENSE", "Expense");

    /** "Convert to work item": the title and description prefilled from the conversation, one click to create. */
    private void convert(ConversationView c) {
        WorkItemDraft start = inbox.workItemDraft(c.id());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Convert to work item");
        TextField name = new TextField("Title");
        name.setId("convert-title");
        name.setWidthFull();
        name.setValue(start.title() == null ? "" : start.title());
        TextArea description = new TextArea("Description");
        description.setId("convert-description");
        description.setWidthFull();
        description.setMaxHeight("16rem");
        description.setValue(start.description() == null ? "" : start.description());
        Span contact = new Span(c.contactId() != null ? "For " + c.who() + "." : "The sender is not one of your contacts.");
        contact.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Checkbox newContact = new Checkbox("Also create the contact " + senderName(c) + " <" + c.counterpart() + ">");
        newContact.setId("convert-create-contact");
        newContact.setValue(true);
        newContact.setVisible(c.contactId() == null && c.counterpart() != null && c.allowedActions().contains("create_contact"));
        Button create = new Button("Create work item", e -> {
            try {
                String contactId = start.contactId();
                if (newContact.isVisible() && newContact.getValue()) {
                    contactId = contactFor(c).id();
                    inbox.linkContact(c.id(), contactId);
                }
                WorkItemView item = inbox.convertToWorkItem(c.id(), new WorkItemDraft(null, name.getValue(),
                        description.getValue(), null, contactId, null, null, null), Optional.empty());
                dialog.close();
                Toasts.done("Work item created");
                show(inbox.get(c.id()));
                paged.reload();
                getUI().ifPresent(ui -> ui.navigate("work", QueryParameters.of("item", item.id())));
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("title", name, "description", description));
                if (ex.errors().stream().anyMatch(f -> !f.field().equals("title") && !f.field().equals("description"))) {
                    Toasts.problem(Problems.say(ex));
                }
            }
        });
        create.setId("convert-save");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, description, contact, newContact));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.setWidth("min(40rem, 100vw)");
        dialog.open();
        create.focus();
    }
}
