package com.smbhub.web.aidraft;

import static com.smbhub.web.Components.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.aidraft.AiDraftView;
import com.smbhub.extract.Extraction;
import com.smbhub.platform.errors.ValidationException;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The AI panel: the source text with found values marked, and reading it again as another kind off the request. */
class AiDraftPanelTest {

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    private static AiDraftView draft(String intent, String title) {
        Extraction x = new Extraction(Extraction.Intent.valueOf(intent), new Extraction.WorkItem("JOB", title, null, "NORMAL", null, null),
                List.of(new Extraction.Line("Labour", new BigDecimal("3"), new BigDecimal("85"))), new BigDecimal("255"), "USD", null,
                null, new Extraction.Contact("Maria Lopez", null, null), 0.9, Map.of(), List.of());
        return new AiDraftView("d1", "MESSAGE", "m1", "c1", intent, "PENDING", x, List.of("CREATE_WORK_ITEM", "DRAFT_QUOTE"),
                0.9, "HIGH", List.of(), null, null, null, null, null, null, null, null, false, 3, Instant.EPOCH, 1,
                List.of("edit", "apply", "reject", "send_to_qc"));
    }

    /** Actions whose reading again answers when the test says so. */
    private static AiDraftPanel.Actions reading(CompletableFuture<AiDraftView> answer, List<String> asked) {
        return new AiDraftPanel.Actions() {
            @Override public AiDraftView edit(AiDraftView d, Extraction p, String notes) { return d; }
            @Override public Future<AiDraftView> reaim(AiDraftView d, String intent) {
                asked.add(intent);
                return answer;
            }
            @Override public AiDraftView apply(AiDraftView d, boolean createAnyway) { throw new AssertionError("applied"); }
            @Override public AiDraftView sendToQc(AiDraftView d) { throw new AssertionError("sent"); }
            @Override public AiDraftView reject(AiDraftView d, String notes) { throw new AssertionError("rejected"); }
            @Override public AiDraftView claim(AiDraftView d) { throw new AssertionError("claimed"); }
            @Override public boolean reviewing() { return false; }
        };
    }

    @SuppressWarnings("unchecked")
    private static void pick(AiDraftPanel panel, String intent) {
        RadioButtonGroup<String> kind = byId(panel, "ai-kind", RadioButtonGroup.class);
        String before = kind.getValue();
        kind.setValue(intent);
        ComponentUtil.fireEvent(kind, new AbstractField.ComponentValueChangeEvent<>(kind, kind, before, true));
    }

    @Test
    void readingAgainAsAnotherKindShowsProgressAndTheAnswerWhenItComes() {
        UI ui = new UI();
        UI.setCurrent(ui);
        CompletableFuture<AiDraftView> answer = new CompletableFuture<>();
        List<String> asked = new ArrayList<>();
        AiDraftPanel panel = new AiDraftPanel(reading(answer, asked), draft("CREATE_WORK_ITEM", "Fix the leak"), "Turn into…",
                "Can you quote 3 hrs labour at $85 to fix the leak?", d -> { }, null);
        pick(panel, "DRAFT_QUOTE");
        assertEquals(List.of("DRAFT_QUOTE"), asked);
        assertTrue(byId(panel, "ai-rereading", ProgressBar.class).isVisible(), "progress while it reads");
        assertFalse(byId(panel, "ai-kind", RadioButtonGroup.class).isEnabled(), "no second choice meanwhile");
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        assertEquals("Fix the leak", byId(panel, "ai-title", TextField.class).getValue(), "the old reading until the answer");
        answer.complete(draft("DRAFT_QUOTE", "Quote for the leak"));
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        assertFalse(byId(panel, "ai-rereading", ProgressBar.class).isVisible());
        assertTrue(byId(panel, "ai-kind", RadioButtonGroup.class).isEnabled());
        assertEquals("DRAFT_QUOTE", byId(panel, "ai-kind", RadioButtonGroup.class).getValue());
        assertEquals("Quote for the leak", byId(panel, "ai-title", TextField.class).getValue());
    }

    @Test
    void aRefusedReadingKeepsTheDraftAndItsKind() {
        UI ui = new UI();
        UI.setCurrent(ui);
        CompletableFuture<AiDraftView> answer = new CompletableFuture<>();
        AiDraftPanel panel = new AiDraftPanel(reading(answer, new ArrayList<>()), draft("CREATE_WORK_ITEM", "Fix the leak"),
                "Turn into…", "Fix the leak", d -> { }, null);
        pick(panel, "DRAFT_INVOICE");
        answer.completeExceptionally(new ValidationException("intent", "This draft was applied meanwhile"));
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        assertEquals("CREATE_WORK_ITEM", byId(panel, "ai-kind", RadioButtonGroup.class).getValue());
        assertTrue(byId(panel, "ai-kind", RadioButtonGroup.class).isEnabled());
        assertFalse(byId(panel, "ai-rereading", ProgressBar.class).isVisible());
        assertEquals("Fix the leak", byId(panel, "ai-title", TextField.class).getValue());
    }

    @Test
    void foundValuesAreMarkedWhateverTheirCase() {
        assertEquals("Fix the leak at <mark class=\"ai-found\">42 elm st</mark> for <mark class=\"ai-found\">$85</mark>",
                AiDraftPanel.marked("Fix the leak at 42 elm st for $85", List.of("42 Elm St", "$85")));
    }

    @Test
    void overlappingValuesMakeOneMark() {
        assertEquals("<mark class=\"ai-found\">Maria Lopez</mark> wrote",
                AiDraftPanel.marked("Maria Lopez wrote", List.of("Maria", "Maria Lopez", "Lopez")));
    }

    @Test
    void theMessageNeverBecomesMarkup() {
        assertEquals("&lt;img src=x onerror=alert(1)&gt; &amp; <mark class=\"ai-found\">&quot;Bob&quot;</mark>",
                AiDraftPanel.marked("<img src=x onerror=alert(1)> & \"Bob\"", List.of("\"Bob\"")));
        assertEquals("no values", AiDraftPanel.marked("no values", List.of()));
        assertEquals("İstanbul <mark class=\"ai-found\">road</mark>", AiDraftPanel.marked("İstanbul road", List.of("road")),
                "a letter whose lower case is longer shifts nothing");
    }
}
