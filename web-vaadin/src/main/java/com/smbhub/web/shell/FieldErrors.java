package com.smbhub.web.shell;

import com.smbhub.platform.errors.ValidationException;
import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Puts a service's field errors next to the fields they name; what has no field goes to a toast. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static void show(ValidationException e, Map<String, ? extends HasValidation> byField) {
        byField.values().forEach(f -> f.setInvalid(false));
        List<String> unplaced = new ArrayList<>();
        for (ValidationException.FieldError error : e.errors()) {
            HasValidation field = byField.get(error.field());
            if (field == null) {
                unplaced.add(error.message());
            } else {
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            }
        }
        if (!unplaced.isEmpty()) {
            Toasts.problem(String.join(" ", unplaced));
        }
    }
}
