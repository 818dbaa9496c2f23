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
    void aContactOpensAsStoredAndTheDraftKeepsTheFieldsTheFormDoesNotShow() {
        ContactForm form = new ContactForm();
        form.read(ADA);
        assertEquals("vip, net30", form.tags.getValue());
        form.email.setValue("orders@ada.example");
        form.tags.setValue(" vip , , wholesale ");
        ContactDraft draft = form.draft(ADA.draft());
        assertEquals("orders@ada.example", draft.email());
        assertEquals(List.of("vip", "wholesale"), draft.tags());
        assertEquals("VENDOR", draft.type());
        assertEquals("1 King St", draft.addressLine1());
        assertEquals("M5H 1A1", draft.postalCode());
    }

    @Test
    void errorsLandAtTheirFieldsAndClearingStartsAfresh() {
        ContactForm form = new ContactForm();
        form.read(ADA);
        form.show(new ValidationException(List.of(new FieldError("email", "Not an e-mail address"),
                new FieldError("phone", "Not a phone number"))));
        assertTrue(form.email.isInvalid());
        assertEquals("Not a phone number", form.phone.getErrorMessage());
        assertFalse(form.displayName.isInvalid());
        form.clear();
        assertFalse(form.email.isInvalid());
        assertEquals("", form.displayName.getValue());
        assertEquals("CUSTOMER", form.type.getValue());
    }
}
