package com.smbhub.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smbhub.extract.Extraction.Intent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The offline extractor on the team's own labelled messages ({@code extract/messages-team.jsonl}, written here and
 * never part of {@code shared/benchmarks}; the same shape and labelling conventions), scored field by field as
 * {@code score_messages.py} scores, plus the cases a real inbox throws at it.
 */
class RulesExtractorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Extractor extractor = new RulesExtractor();

    @Test
    void readsTheTeamsLabelledMessagesAsACarefulPersonWould() throws IOException {
        int intents = 0;
        int records = 0;
        int right = 0;
        int fields = 0;
        List<String> misses = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream("/extract/messages-team.jsonl")), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = JSON.readTree(line);
                JsonNode expected = record.get("expected");
                JsonNode got = ExtractionJson.write(extractor.extract(ExtractCommand.inbound(record)));
                records++;
                String id = record.get("id").asText();
                if (expected.get("intent").asText().equals(got.get("intent").asText())) {
                    intents++;
                } else {
                    misses.add(id + " intent " + got.get("intent"));
                }
                List<String> checks = checks(expected, got);
                fields += checks.size();
                for (String check : checks) {
                    if (check.isEmpty()) {
                        right++;
                    } else {
                        misses.add(id + " " + check);
                    }
                }
            }
        }
        double intentAccuracy = (double) intents / records;
        double fieldAccuracy = (double) right / fields;
        assertTrue(intentAccuracy >= 0.95, "intent accuracy " + intentAccuracy + ": " + misses);
        assertTrue(fieldAccuracy >= 0.90, "field accuracy " + fieldAccuracy + ": " + misses);
    }

    /** One entry per labelled field: empty when right, else what was wrong. */
    private static List<String> checks(JsonNode e, JsonNode p) {
        List<String> out = new ArrayList<>();
        JsonNode wi = e.get("work_item");
        JsonNode pwi = p.get("work_item");
        if (!wi.isNull()) {
            check(out, "type", pwi != null && !pwi.isNull() && wi.get("type").asText().equals(pwi.get("type").asText()), pwi);
            String title = pwi == null || pwi.isNull() ? "" : norm(pwi.get("title").asText());
            boolean titled = true;
            for (JsonNode k : wi.get("title_keywords")) {
                titled &= title.contains(k.asText());
            }
            check(out, "title", titled, pwi);
            if (!wi.get("due_date").isNull()) {
                check(out, "due_date", pwi != null && wi.get("due_date").asText().equals(pwi.path("due_date").asText()), pwi);
            }
            check(out, "priority", pwi != null && wi.get("priority").asText().equals(pwi.path("priority").asText()), pwi);
            if (!wi.get("service_address").isNull()) {
                String a = norm(wi.get("service_address").asText());
                String g = pwi == null ? "" : norm(pwi.path("service_address").asText(""));
                check(out, "service_address", !g.isEmpty() && (a.contains(g) || g.contains(a)), pwi);
            }
            if (!wi.get("external_order_id").isNull()) {
                check(out, "order", pwi != null && norm(wi.get("external_order_id").asText()).equals(norm(pwi.path(
                        "external_order_id").asText())), pwi);
            }
        }
        List<JsonNode> lines = new ArrayList<>();
        p.get("line_items").forEach(lines::add);
        for (JsonNode line : e.get("line_items")) {
            JsonNode hit = null;
            for (JsonNode pl : lines) {
                boolean named = false;
                for (JsonNode k : line.get("name_keywords")) {
                    named |= norm(pl.get("name").asText()).contains(k.asText());
                }
                if (named && same(pl.get("qty"), line.get("qty")) && same(pl.get("rate"), line.get("rate"))) {
                    hit = pl;
                    break;
                }
            }
            lines.remove(hit);
            check(out, "line", hit != null, p.get("line_items"));
        }
        if (!e.get("line_items").isEmpty()) {
            lines.forEach(extra -> out.add("extra line " + extra));
        }
        if (!e.get("total").isNull()) {
            check(out, "total", same(e.get("total"), p.get("total")), p.get("total"));
        }
        if (!e.get("currency").isNull()) {
            check(out, "currency", e.get("currency").asText().equals(p.path("currency").asText()), p.get("currency"));
        }
        JsonNode ex = e.get("expense");
        if (!ex.isNull()) {
            JsonNode px = p.get("expense");
            boolean has = px != null && !px.isNull();
            check(out, "vendor", has && nameMatch(ex.get("vendor").asText(), px.path("vendor").asText("")), px);
            check(out, "amount", has && same(ex.get("amount"), px.get("amount")), px);
            check(out, "date", has && ex.get("date").asText().equals(px.path("date").asText()), px);
            check(out, "category", has && ex.get("category").asText().equals(px.path("category").asText()), px);
        }
        if (!e.get("invoice_ref").isNull()) {
            check(out, "invoice_ref", norm(e.get("invoice_ref").asText()).replace(" ", "")
                    .equals(norm(p.path("invoice_ref").asText("")).replace(" ", "")), p.get("invoice_ref"));
        }
        JsonNode c = e.get("contact");
        JsonNode pc = p.get("contact");
        if (!c.get("email").isNull()) {
            check(out, "email", c.get("email").asText().equalsIgnoreCase(pc.path("email").asText("")), pc);
        }
        if (!c.get("phone").isNull()) {
            String d = c.get("phone").asText().replaceAll("\\D", "");
            String g = pc.path("phone").asText("").replaceAll("\\D", "");
            check(out, "phone", !g.isEmpty() && d.substring(Math.max(0, d.length() - 10)).equals(g.substring(Math.max(0, g.length() - 10))),
                    pc);
        }
        if (!c.get("name").isNull()) {
            check(out, "name", nameMatch(c.get("name").asText(), pc.path("name").asText("")), pc);
        }
        return out;
    }

    private static void check(List<String> out, String field, boolean ok, JsonNode got) {
        out.add(ok ? "" : field + " " + got);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a != null && b != null && !a.isNull() && !b.isNull()
                && new BigDecimal(a.asText()).subtract(new BigDecimal(b.asText())).abs().compareTo(new BigDecimal("0.01")) < 0;
    }

    private static boolean nameMatch(String expected, String got) {
        List<String> e = List.of(norm(expected).split(" "));
        List<String> g = List.of(norm(got).split(" "));
        return !expected.isBlank() && e.stream().filter(g::contains).count() * 2 >= e.size();
    }

    private static String norm(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().replaceAll("\\s+", " ");
    }

    private Extraction read(String channel, String from, String subject, String text, String receivedAt) {
        return extractor.extract(new Inbound(channel, from, subject, text, OffsetDateTime.parse(receivedAt), "general", null, null));
    }

    @Test
    void readAsAnotherKindTheMessageGivesThatKindsFieldsAndKeepsWhatItReadsAs() {
        Inbound quote = new Inbound("EMAIL", "Maria Lopez <maria@example.com>", "Leak",
                "Can you quote 3 hrs labour at $85 to fix the leak at 42 Elm St by Friday?",
                OffsetDateTime.parse("2026-03-02T09:00:00-05:00"), "general", null, null);
        Extraction asExpense = extractor.extract(quote, Intent.DRAFT_EXPENSE);
        assertEquals(Intent.DRAFT_QUOTE, asExpense.intent(), "still reads as a quote request");
        assertEquals(0, new BigDecimal("85").compareTo(asExpense.expense().amount()), asExpense.toString());
        assertEquals(extractor.extract(quote), extractor.extract(quote, null));
    }

    @Test
    void theQuoteOfThePrdBecomesAQuoteWithItsLineTotalAndDueDate() {
        Extraction e = read("EMAIL", "Maria Lopez <maria@example.com>", "Leak",
                "Can you quote 3 hrs labour at $85 to fix the leak at 42 Elm St by Friday?", "2026-03-02T09:00:00-05:00");
        assertEquals(Intent.DRAFT_QUOTE, e.intent());
        assertEquals(List.of(new Extraction.Line("Labour", new BigDecimal("3"), new BigDecimal("85"))), e.lineItems());
        assertEquals(0, new BigDecimal("255").compareTo(e.total()));
        assertEquals(LocalDate.of(2026, 3, 6), e.workItem().dueDate());
        assertEquals("42 Elm St", e.workItem().serviceAddress());
        assertEquals("maria@example.com", e.contact().email());
    }

    @Test
    void aTitleSaysWhatTheMessageIsAboutEvenWhenTheAskOnlyPointsAtIt() {
        Extraction e = read("EMAIL", "Lena Park <lena@example.com>", "Return",
                "Hi,\n\nI bought the blue linen jacket last week but the zip is broken. Can I swap it for another one?\n\nLena",
                "2026-05-04T10:00:00-04:00");
        assertEquals(Intent.CREATE_WORK_ITEM, e.intent());
        assertEquals("SUPPORT", e.workItem().type());
        assertTrue(e.workItem().title().contains("zip is broken"), e.workItem().title());
        Extraction candles = read("EMAIL", "Rachel Kim <rkim@example.com>", "Gift order - price?",
                "Hello,\n\nWe'd love to use your soy candles as client gifts. Could you quote 30 of them, gift-wrapped?\n\nRachel",
                "2026-05-06T13:40:00-04:00");
        assertEquals(Intent.DRAFT_QUOTE, candles.intent());
        assertTrue(candles.workItem().title().contains("30 soy candles"), candles.workItem().title());
    }

    @Test
    void aFormNotificationARoleMailboxAndAVisitAskStillNameTheWorkAndTheClient() {
        Extraction form = read("EMAIL", "Website <no-reply@forms.example>", "New form submission - Contact us",
                "Name: Harold Briggs\nEmail: h.briggs@example.com\nMessage: Our water heater is 15 years old and leaking from the"
                        + " bottom. Looking for a price to replace it with a 50 gallon gas unit.", "2026-05-12T09:40:00-05:00");
        assertTrue(form.workItem().title().startsWith("Replace water heater"), form.workItem().title());
        Extraction visit = read("SMS", "+12065550177", null, "Hey it's Marcus at 2214 Alder St. garbage disposal is jammed and just"
                + " hums. any chance u could swing by tomorrow morning?", "2026-05-12T18:20:00-07:00");
        assertTrue(visit.workItem().title().toLowerCase().contains("garbage disposal"), visit.workItem().title());
        Extraction desk = read("EMAIL", "Front Desk <frontdesk@clinic.example>", "No heat",
                "Our furnace stopped overnight. Please send someone ASAP.\n\nMaplewood Family Clinic\n400 Queen St E, Toronto",
                "2026-01-19T07:10:00-05:00");
        assertEquals("Maplewood Family Clinic", desk.contact().name(), "who signs, not the mailbox's role");
    }

    @Test
    void todayIsTheSendersDayNotUtcs() {
        Extraction e = read("SMS", "+19195550172", null, "pipe burst in the basement!! pls send someone NOW", "2026-01-23T23:10:00-05:00");
        assertEquals(LocalDate.of(2026, 1, 23), e.workItem().dueDate(), "11 pm in Raleigh is already the 24th in UTC");
        assertEquals("URGENT", e.workItem().priority());
    }

    @Test
    void anAmountWithoutItsSignIsInTheBusinessesCurrencyWhenKnown() {
        Extraction e = extractor.extract(new Inbound("EMAIL", "Hydro One <billing@hydroone.example>", "Your bill is ready",
                "Amount due: $212.09\nBill date: November 18, 2026", OffsetDateTime.parse("2026-11-18T07:00:00-05:00"), "general",
                "CAD", "CA"));
        assertEquals(Intent.DRAFT_EXPENSE, e.intent());
        assertEquals("CAD", e.currency());
        assertEquals(LocalDate.of(2026, 11, 18), e.expense().date());
    }

    @Test
    void emptyOddOrHostileTextIsNothingToDoAndNeverAnError() {
        for (String text : new String[] {"", " ", "\u0000\u0001", "👍", "$$$ 999999999999999999999.99 $", "(((((((((".repeat(2000),
            "INV-".repeat(5000), "on the 99th of Smarch", "31/02/2026", "call me on 0"}) {
            Extraction e = read("SMS", "+14165550100", null, text, "2026-03-02T09:00:00-05:00");
            assertNotNull(e.intent(), text);
        }
        Extraction blank = read("EMAIL", "", null, null, "2026-03-02T09:00:00-05:00");
        assertEquals(Intent.NONE, blank.intent());
        assertNull(blank.workItem());
    }

    @Test
    void aQuotedReplyOrAForwardedHeaderIsNotTheRequest() {
        Extraction e = read("EMAIL", "Brian Costa <bcosta@example.com>", "Re: Invoice INV-2087 reminder",
                "Would it be OK if I paid INV-2087 ($380) on the 15th?\n\nOn Mar 2, 2026, Great White North wrote:\n"
                        + "> Friendly reminder that invoice INV-2087 for $380.00 was due on February 20...",
                "2026-03-03T19:40:00-07:00");
        assertEquals(Intent.DRAFT_AR_MESSAGE, e.intent());
        assertEquals("INV-2087", e.invoiceRef());
        assertEquals(LocalDate.of(2026, 3, 15), e.workItem().dueDate());
    }
}
