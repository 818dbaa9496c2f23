package com.smbhub.web.aidraft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The source text in the AI panel: found values marked, everything else only text. */
class AiDraftPanelTest {

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
