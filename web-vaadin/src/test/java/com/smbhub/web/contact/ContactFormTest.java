package com.smbhub.web.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.contact.ContactDraft;
import com.smbhub.contact.ContactView;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contact form as a plain object: it shows a contact, gives back a draft that keeps what it does not show, marks errors. */
class ContactFormTest {

    private static final ContactView ADA = new ContactView("c-1", "VENDOR", "Ada Supplies", "Ada Ltd", "ada@example.com",
            "+1 416 555 0100", "1 King St", "Unit 4", "Toronto", "ON", "M5H 1A1", "CA", List.of("vip", "net30"), "Calls first",
            false, 2, Instant.EPOCH, Instant.EPOCH, List.of("update"));

    @Test
    void aContactOpensAsStoredWithItsWholeAddressAndTheDraftIsWhatTheFormShows() {
        ContactForm form = new ContactForm();
        form.read(ADA);
        assertEquals("vip, net30", form.tags.getValue());
        assertEquals("1 King St", form.street.getValue());
        assertEquals("Unit 4", form.unit.getValue());
        assertEquals("ON", form.region.getValue());
        assertEquals("CA", form.country.getValue());
        form.email.setValue("orders@ada.example");
        form.tags.setValue(" vip , , wholesale ");
        form.postalCode.setValue("M5H 2B2");
        ContactDraft draft = form.draft();
        assertEquals("orders@ada.example", draft.email());
        assertEquals(List.of("vip", "wholesale"), draft.tags());
        assertEquals("VENDOR", draft.type());
        assertEquals("1 King St", draft.addressLine1());
        assertEquals("Unit 4", draft.addressLine2());
        assertEquals("Toronto", draft.city());
        assertEquals("M5H 2B2", draft.postalCode());
        assertEquals("Calls first", draft.notes());
    }

    @Test
    void errorsLandAtTheirFieldsAndClearingStartsAfresh() {
        ContactForm form = new ContactForm();
        form.read(ADA);
        form.show(new ValidationException(List.of(new FieldError("email", "Not an e-mail address"),
                new FieldError("phone", "Not a phone number"), new FieldError("postal_code", "At most 20 characters"))));
        assertEquals("At most 20 characters", form.postalCode.getErrorMessage());
        assertTrue(form.email.isInvalid());
        assertEquals("Not a phone number", form.phone.getErrorMessage());
        assertFalse(form.displayName.isInvalid());
        form.clear();
        assertFalse(form.email.isInvalid());
        assertEquals("", form.displayName.getValue());
        assertEquals("CUSTOMER", form.type.getValue());
        assertEquals("", form.street.getValue());
    }
}
