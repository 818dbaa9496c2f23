package com.smbhub.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BackOfficeTimerTest {

    @Test
    void aRequestIsTimedByWhatItIsToVaadinNeverByItsPath() {
        assertEquals("page", BackOfficeTimer.kind("GET", "/work/3f0c2a9e-4b1d-4c7a-9a55-0d1c2b3a4f5e", null));
        assertEquals("page", BackOfficeTimer.kind("GET", "/", null));
        assertEquals("init", BackOfficeTimer.kind("GET", "/", "v-r=init&location=work"));
        assertEquals("uidl", BackOfficeTimer.kind("POST", "/", "v-r=uidl&v-uiId=0"));
        assertEquals("uidl", BackOfficeTimer.kind("POST", "/", "v-uiId=3&v-r=uidl"));
        assertEquals("heartbeat", BackOfficeTimer.kind("POST", "/", "v-r=heartbeat&v-uiId=0"));
        assertEquals("upload", BackOfficeTimer.kind("POST", "/", "v-r=upload&v-uiId=0&v-nodeId=12&v-secKey=x"));
        assertEquals("static", BackOfficeTimer.kind("GET", "/VAADIN/build/indexhtml-1a2b.js", null));
        assertEquals("static", BackOfficeTimer.kind("GET", "/icons/icon-192x192.png", null));
        assertEquals("static", BackOfficeTimer.kind("GET", "/sw.js", null));
        assertEquals("other", BackOfficeTimer.kind("POST", "/login", null));
        assertEquals("other", BackOfficeTimer.kind("GET", "/", "v-r=made-up"));
        assertEquals("other", BackOfficeTimer.kind("GET", "/", "v-r="));
        assertEquals("page", BackOfficeTimer.kind("GET", null, "x=1"));
    }
}
