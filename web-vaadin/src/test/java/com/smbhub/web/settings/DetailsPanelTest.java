package com.smbhub.web.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.PostalAddress;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.tenant.BusinessDetails;
import com.smbhub.web.Components;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The business's details as a plain form: shown as stored, saved as typed, each problem at its field, nothing typed lost. */
class DetailsPanelTest {

    private static final BusinessDetails STORED = new BusinessDetails("Northside Plumbing Ltd.", new PostalAddress("12 King St W",
            null, "Toronto", "ON", "M5H 1A1", "CA"), "+14165550100", null, null, "GST/HST 123456789 RT0001", "Thanks!", null, 3);

    /** Held here: the current UI is kept only weakly, and a collected one makes every toast fail. */
    private UI ui;

    @BeforeEach
    void ui() {
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void theStoredDetailsShowAndWhatIsTypedIsSavedWithTheVersionItWasOpenedAt() {
        List<BusinessDetails> saved = new ArrayList<>();
        int[] after = {0};
        DetailsPanel panel = new DetailsPanel(STORED, d -> {
            saved.add(d);
            return d.checked();
        }, () -> after[0]++);
        assertEquals("Northside Plumbing Ltd.", panel.legalName.getValue());
        assertEquals("CA", panel.country.getValue());
        assertEquals("Canada", DetailsPanel.countryName("CA"));
        assertEquals("GST/HST 123456789 RT0001", panel.taxNumbers.getValue());
        panel.website.setValue("northside.test");
        panel.terms.setValue("Net 14");
        Components.byId(panel, "details-save", Button.class).click();
        assertEquals(1, saved.size());
        assertEquals("northside.test", saved.get(0).website());
        assertEquals("Net 14", saved.get(0).defaultTerms());
        assertEquals("Toronto", saved.get(0).address().city());
        assertEquals(3, saved.get(0).version());
        assertEquals(1, after[0], "the screen is refreshed after a save");
    }

    @Test
    void errorsLandAtTheirFieldsAndKeepWhatWasTyped() {
        DetailsPanel panel = new DetailsPanel(STORED, d -> {
            throw new ValidationException(List.of(new ValidationException.FieldError("website", "Not a web address"),
                    new ValidationException.FieldError("tax_numbers", "Up to 4 lines")));
        }, () -> { });
        panel.website.setValue("not a site");
        Components.byId(panel, "details-save", Button.class).click();
        assertTrue(panel.website.isInvalid());
        assertEquals("Not a web address", panel.website.getErrorMessage());
        assertEquals("Up to 4 lines", panel.taxNumbers.getErrorMessage());
        assertFalse(panel.legalName.isInvalid());
        assertEquals("not a site", panel.website.getValue());
    }
}
