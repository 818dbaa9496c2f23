package com.smbhub.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The route a request's metrics are counted under: the template, never the ids in the path. */
class RouteFilterTest {

    @Test
    void classAndMethodPathsJoinIntoOneTemplate() throws Exception {
        assertEquals("/invoices/{id}/send", RouteFilter.template(InvoicesResource.class,
                InvoicesResource.class.getMethod("send", String.class, String.class)));
        assertEquals("/invoices", RouteFilter.template(InvoicesResource.class,
                DocumentsResource.class.getMethod("create", String.class, String.class)));
        assertEquals("/settings/business/details", RouteFilter.template(SettingsResource.class,
                SettingsResource.class.getMethod("details")));
        assertEquals("unmatched", RouteFilter.template(null, null));
    }
}
