package com.smbhub.portal.api;

import com.smbhub.platform.Ids;
import com.smbhub.platform.InputText;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * Every query parameter of every route, once, before a resource reads it: no control characters, and a
 * parameter named {@code …_id} is an id — so a malformed filter is a 400 at its name, never a database error.
 */
@Provider
@Priority(Priorities.USER - 100)
public class QueryCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            for (String value : values) {
                if (InputText.hasControl(value) || InputText.hasControl(name)) {
                    errors.add(new FieldError(InputText.hasControl(name) ? "query" : name, InputText.NO_CONTROL));
                } else if (name.endsWith("_id") && !value.isBlank() && !Ids.isId(value.trim())) {
                    errors.add(new FieldError(name, "Not an id"));
                }
            }
        });
        ValidationException.throwIfAny(errors);
    }
}
