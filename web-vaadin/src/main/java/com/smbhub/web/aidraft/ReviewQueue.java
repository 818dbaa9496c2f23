package com.smbhub.web.aidraft;

import com.smbhub.aidraft.AiDraftQueue;
import com.smbhub.aidraft.AiDraftStatus;
import com.smbhub.aidraft.AiDraftView;
import com.smbhub.platform.tenancy.Background;
import com.smbhub.web.shell.Badges;
import com.smbhub.web.shell.PhoneCards;
import com.smbhub.web.shell.Problems;
import com.smbhub.web.shell.RowClicks;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Words;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Map;

/**
 * Platform ops' QC queue (PRD 3.14, screen 10): the drafts businesses sent to review, oldest first, filtered by
 * status, business or subject, kind and confidence; a row in red waited past the review SLA; the AI KPIs above it. A row
 * opens the draft in the AI panel beside its source, to approve and apply, reject, take or annotate it; "Next"
 * (Alt+N) opens the following row.
 */
public class ReviewQueue extends VerticalLayout {

    static final Map<String, String> STATUS = Map.of("PENDING_QC", "Waiting for review", "APPROVED", "Approved",
            "APPLIED", "Applied", "REJECTED", "Rejected");
    private static final String OPEN = "OPEN";

    private final AiDraftQueue queue;
    private final Background background;
    private final Paragraph kpis = new Paragraph();
    private final Grid<AiDraftQueue.Row> grid = new Grid<>();
    private final Select<String> status = new Select<>();
    private final TextField business = new TextField();
    private final Select<String> kind = new Select<>();
    private final Select<String> band = new Select<>();
    private GridListDataView<AiDraftQueue.Row> rows;

    public ReviewQueue(AiDraftQueue queue, Background background) {
        this.queue = queue;
        this.background = background;
        setPadding(false);
        kpis.setId("ops-ai-kpis");
        status.setId("ops-ai-status");
        status.setLabel("Status");
        status.setItems(OPEN, "PENDING_QC", "APPROVED", "APPLIED", "REJECTED");
        status.setItemLabelGenerator(s -> OPEN.equals(s) ? "Open (waiting or approved)" : STATUS.get(s));
        status.setValue(OPEN);
        status.setWidth("17rem");
        status.addValueChangeListener(e -> refresh());
        business.setId("ops-ai-business");
        business.setLabel("Business or subject");
        business.setPlaceholder("Any");
        business.setClearButtonVisible(true);
        business.setValueChangeMode(ValueChangeMode.LAZY);
        business.addValueChangeListener(e -> filter());
        kind.setId("ops-ai-kind");
        kind.setLabel("Kind");
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("Any");
        kind.setItems(List.of("CREATE_WORK_ITEM", "DRAFT_QUOTE", "DRAFT_INVOICE", "DRAFT_AR_MESSAGE", "DRAFT_EXPENSE"));
        kind.setItemLabelGenerator(k -> k == null ? "Any" : AiDraftPanel.kind(k));
        kind.addValueChangeListener(e -> filter());
        band.setId("ops-ai-confidence");
        band.setLabel("Confidence");
        band.setEmptySelectionAllowed(true);
        band.setEmptySelectionCaption("Any");
        band.setItems("HIGH", "MED", "LOW");
        band.setItemLabelGenerator(b -> b == null ? "Any" : Words.of(b));
        band.addValueChangeListener(e -> filter());
        Button refresh = new Button("Refresh", e -> refresh());
        refresh.setId("ops-ai-refresh");
        HorizontalLayout filters = new HorizontalLayout(status, business, kind, band, refresh);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.setId("ops-ai-drafts");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(AiDraftQueue.Row::businessName).setHeader("Business").setFlexGrow(2);
        grid.addColumn(r -> r.subject() == null ? "" : r.subject()).setHeader("Subject").setFlexGrow(2);
        grid.addColumn(r -> AiDraftPanel.kind(r.intent())).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(r -> Words.of(r.confidenceBand()) + " (" + Math.round(100 * r.confidence()) + " %)")
                .setHeader("Confidence").setAutoWidth(true);
        grid.addComponentColumn(r -> Badges.of(AiDraftStatus.valueOf(r.status()), STATUS.getOrDefault(r.status(), r.status()))).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.reviewer() == null ? "" : r.reviewer()).setHeader("Reviewer").setAutoWidth(true);
        grid.addColumn(r -> Words.took(r.age())).setHeader("Waiting").setAutoWidth(true);
        PhoneCards.of(grid, r -> PhoneCards.card(r.subject() == null ? AiDraftPanel.kind(r.intent()) : r.subject(),
                STATUS.getOrDefault(r.status(), r.status()), r.businessName() + " · " + AiDraftPanel.kind(r.intent()),
                Words.of(r.confidenceBand()) + " (" + Math.round(100 * r.confidence()) + " %) · waiting " + Words.took(r.age())
                        + (r.reviewer() == null ? "" : " · " + r.reviewer())));
        grid.setPartNameGenerator(r -> r.breached() ? "ops-sla-breached" : null);
        grid.setEmptyStateText("No drafts are waiting for review.");
        RowClicks.open(grid, this::open);
        add(new H3("AI drafts sent to review"), new Paragraph("Drafts a business sent to QC, oldest first; a red row waited"
                + " longer than the " + AiDraftQueue.SLA.toHours() + " h review SLA. Open one to correct it, approve and"
                + " apply it, or reject it; the business can still decide it itself."), kpis, filters, grid);
        refresh();
    }

    private void refresh() {
        AiDraftQueue.Queue q = queue.queue(OPEN.equals(status.getValue()) ? null : status.getValue(), null, 200);
        AiDraftQueue.Kpis k = q.kpis();
        kpis.setText(k.drafts() + " drafts in 30 days · accepted " + percent(k.acceptanceRate()) + " of those decided · approved "
                + percent(k.approvalRate()) + " · average review " + (k.averageQcMinutes() == null ? "—"
                : Math.round(k.averageQcMinutes()) + " min") + " · confidence high " + k.high() + " / med " + k.medium()
                + " / low " + k.low() + " · auto-applied " + percent(k.autoAppliedRate()) + " · " + k.slaBreaches()
                + " past the " + AiDraftQueue.SLA.toHours() + " h review SLA");
        rows = grid.setItems(q.rows());
        grid.setAllRowsVisible(q.rows().size() <= 10);
        filter();
    }

    private static String percent(double rate) {
        return Math.round(100 * rate) + " %";
    }

    private void filter() {
        String name = business.getValue().strip().toLowerCase(java.util.Locale.ROOT);
        rows.setFilter(r -> (name.isEmpty() || (r.businessName() + " " + r.subject()).toLowerCase(java.util.Locale.ROOT).contains(name))
                && (kind.getValue() == null || kind.getValue().equals(r.intent()))
                && (band.getValue() == null || band.getValue().equals(r.confidenceBand())));
    }

    /** Opens the row's draft beside its source; "Next" opens the row after it. */
    private void open(AiDraftQueue.Row row) {
        try {
            AiDraftQueue.Review review = queue.review(row.id());
            AiDraftQueue.Row following = rows.getNextItem(row).orElse(null);
            new AiDraftPanel(AiDraftPanel.Actions.review(queue, background), review.draft(), "Review · " + review.businessName(),
                    review.sourceText(), this::decided, following == null ? null : () -> open(following)).open();
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
            refresh();
        }
    }

    private void decided(AiDraftView done) {
        Toasts.done(AiDraftStatus.APPLIED.name().equals(done.status()) ? "Applied in the business as a draft; nothing was sent"
                : STATUS.getOrDefault(done.status(), done.status()));
        refresh();
    }
}
