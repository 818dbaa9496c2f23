package com.smbhub.web.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.platform.errors.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

class ImportDialogTest {

    @Test
    void aRowsErrorsAreSaidInWordsNeverAsAFieldsCode() {
        assertEquals("Name is required", ImportDialog.inWords(new FieldError("display_name", "Required")));
        assertEquals("Name is required", ImportDialog.inWords(new FieldError("display_name", "Name is required")));
        assertEquals("Not a valid e-mail address", ImportDialog.inWords(new FieldError("email", "Not a valid e-mail address")));
        assertEquals("Name: At most 200 characters", ImportDialog.inWords(new FieldError("display_name", "At most 200 characters")));
        assertEquals("Postal code: Contains characters that cannot be stored",
                ImportDialog.inWords(new FieldError("postal_code", "Contains characters that cannot be stored")));
        assertEquals("Service area is required", ImportDialog.inWords(new FieldError("service_area", "Required")));
    }
}
