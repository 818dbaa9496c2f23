package com.smbhub.system;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;

/**
 * Two businesses of one test class's own, made by the stack's test support: "Northside Plumbing"
 * (general, Toronto, HST 13 %) and "Maple & Co" (retail, Vancouver, GST + PST), each with a login per
 * role ({@code <role>@<slug>.test}), a connected Stripe account, and one user who is STAFF in both.
 * Nothing another test class does shows up in them, so no test depends on the order classes run in.
 */
record World(String id, String northside, String maple, String both) {

    static World create() {
        var reply = SystemUnderTest.post("/api/v1/test-support/worlds", "");
        if (reply.status() != 201) {
            throw new AssertionError("test support did not make businesses: " + reply.status() + " " + reply.body());
        }
        JsonObject data = reply.json().getJsonObject("data");
        return new World(data.getString("id"), data.getString("northside"), data.getString("maple"), data.getString("both"));
    }

    /** The Northside login with that role ("owner", "admin", "staff", "agent", "viewer"). */
    String northside(String role) {
        return role + "@" + northside + ".test";
    }

    String maple(String role) {
        return role + "@" + maple + ".test";
    }

    String northsideStripe() {
        return "acct_northside_" + id;
    }

    String mapleStripe() {
        return "acct_maple_" + id;
    }

    /** Runs the business's clock from {@code at} on ({@code null}: the real clock again). */
    static void clock(String business, Instant at) {
        var reply = SystemUnderTest.send(HttpRequest.newBuilder(
                        URI.create(SystemUnderTest.BASE + "/api/v1/test-support/businesses/" + business + "/clock"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(at == null ? "{\"at\":null}" : "{\"at\":\"" + at + "\"}"))
                .build());
        if (reply.status() != 200) {
            throw new AssertionError("test clock of " + business + ": " + reply.status() + " " + reply.body());
        }
    }
}
