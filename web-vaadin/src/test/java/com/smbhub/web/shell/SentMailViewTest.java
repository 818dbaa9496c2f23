package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sent message (development) opens with its links to follow, the text around them as it was. */
class SentMailViewTest {

    @Test
    void theLinksOfAMessageAreLinksAndTheRestStaysText() {
        Div body = SentMailView.linked("Hi Ada,\nsee and pay it here: http://localhost:8080/portal/invoices/abc123.\n"
                + "Questions? (https://example.com/help) Thanks");
        List<Anchor> links = body.getChildren().filter(Anchor.class::isInstance).map(Anchor.class::cast).toList();
        assertEquals(List.of("http://localhost:8080/portal/invoices/abc123", "https://example.com/help"),
                links.stream().map(Anchor::getHref).toList(), "the full stop and the bracket are not part of a link");
        assertEquals("_blank", links.get(0).getTarget().orElse(""));
        assertEquals("Hi Ada,\nsee and pay it here: http://localhost:8080/portal/invoices/abc123.\n"
                + "Questions? (https://example.com/help) Thanks", body.getElement().getTextRecursively());
    }

    @Test
    void aMessageWithoutLinksIsOneText() {
        assertEquals(1, SentMailView.linked("Your code is 123456").getChildren().count());
    }
}
