package com.smbhub.platform.errors;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;
import java.util.List;

/** Input that breaks a rule, with the field it concerns (PRD error code VALIDATION_ERROR). */
@ApplicationException(rollback = true)
public class ValidationException extends RuntimeException {

    public record FieldError(String field, String message) implements Serializable {
    }

    private final List<FieldError> errors;

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public ValidationException(List<FieldError> errors) {
        super(errors.isEmpty() ? "Invalid input" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    /** Refuses with every collected error at once; nothing when there is none. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public List<FieldError> errors() {
        return errors;
    }
}
