package com.smbhub.system;

import static com.smbhub.system.ContactsIT.edit;
import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contact CSV import (preview, per-row errors, summary) and merging duplicates, through the API. */
class ContactImportAndMergeIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static List<String> outcomes(JsonObject report) {
        return report.getJsonArray("rows").stream().map(v -> v.asJsonObject().getString("outcome")).toList();
    }

    private String csv() {
        return "Name,Email,Phone,Shoe size\n"
                + "Imp One " + run + ",one." + run + "@x.test,,9\n"
                + "Imp Bad " + run + ",not-an-email,,\n"
                + ",nobody." + run + "@x.test,,\n"
                + "Imp Twin " + run + ",one." + run + "@x.test,,\n"
                + "Imp Two " + run + ",two." + run + "@x.test,,\n";
    }

    private static long contactsNamed(String like) throws SQLException {
        return Database.count("select count(*) from contacts where display_name like '%" + like + "%'");
    }

    @Test
    void aPreviewChecksEveryRowAndChangesNothingThenTheImportCreatesTheReadyOnes() throws SQLException {
        String staff = token(WORLD.northside("staff"), null);
        var preview = send("POST", "/api/v1/contacts/import?dry_run=true", staff, csv());
        assertEquals(200, preview.status(), preview.body());
        JsonObject report = preview.json().getJsonObject("data");
        assertEquals(List.of("READY", "ERROR", "ERROR", "DUPLICATE", "READY"), outcomes(report));
        assertEquals("email", report.getJsonArray("rows").getJsonObject(1).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(3, report.getJsonArray("rows").getJsonObject(1).getInt("line"));
        assertEquals("line 2", report.getJsonArray("rows").getJsonObject(3).getString("duplicate_of"));
        assertEquals("[\"Shoe size\"]", report.getJsonArray("ignored_columns").toString());
        assertEquals(0, contactsNamed(run));

        JsonObject done = send("POST", "/api/v1/contacts/import", staff, csv()).json().getJsonObject("data");
        assertEquals(2, done.getInt("created"));
        assertEquals(2, done.getInt("invalid"));
        assertEquals(1, done.getInt("duplicates"));
        assertEquals(2, contactsNamed(run));
        assertTrue(Database.count("select count(*) from audit_log where action = 'contacts.imported'") > 0);

        JsonObject again = send("POST", "/api/v1/contacts/import", staff, csv()).json().getJsonObject("data");
        assertEquals(0, again.getInt("created"), "a second import of the same file only finds duplicates");
        assertEquals(2, contactsNamed(run));
    }

    @Test
    void anOutlookExportComesInWithItsEmailPhoneAndAddress() throws SQLException {
        String staff = token(WORLD.northside("staff"), null);
        String outlook = "First Name,Middle Name,Last Name,E-mail Address,Home Phone,Business Phone,Mobile Phone,Company,"
                + "Business Street,Business City,Business Postal Code,Categories\r\n"
                + "Olive,,Outlook " + run + ",olive." + run + "@x.test,,(416) 555-0134,,Olive Ltd,12 King St W,Toronto,"
                + "M5H 1A1,Clients\r\n";
        JsonObject done = send("POST", "/api/v1/contacts/import", staff, outlook).json().getJsonObject("data");
        assertEquals(1, done.getInt("created"), done.toString());
        assertEquals(1, Database.count("select count(*) from contacts where display_name = ? and email = ? and phone = '+14165550134'"
                + " and company_name = 'Olive Ltd' and address_line1 = '12 King St W' and city = 'Toronto'",
                "Olive Outlook " + run, "olive." + run + "@x.test"));
    }

    @Test
    void columnsChosenOnceAreKeptForTheBusinessAndADuplicateCanBeImportedAnyway() throws SQLException {
        String owner = token(WORLD.maple("owner"), null);
        String memo = "Memo " + run;
        String file = "Nom,Courriel,Cell #," + memo + "\n"
                + "Jeanne " + run + ",jeanne." + run + "@x.test,416 555 0101,Gate 4\n"
                + "Jeanne R " + run + ",jeanne." + run + "@x.test,,\n";
        JsonObject first = send("POST", "/api/v1/contacts/import?dry_run=true", owner, file).json().getJsonObject("data");
        assertEquals(List.of("ERROR", "ERROR"), outcomes(first), "no column is known to hold the name");
        assertEquals("Nom", first.getJsonArray("columns").getJsonObject(0).getString("column"));
        assertEquals("Jeanne " + run, first.getJsonArray("columns").getJsonObject(0).getString("sample"));
        assertTrue(first.getJsonArray("columns").getJsonObject(0).isNull("field"));

        String chosen = "{\"file\":" + Json.createValue(file).toString() + ",\"columns\":{\"Nom\":\"display_name\",\"Courriel\":\"email\","
                + "\"Cell #\":\"phone\",\"" + memo + "\":\"notes\"},\"import_anyway\":[3]}";
        var done = send("POST", "/api/v1/contacts/import", owner, chosen);
        assertEquals(200, done.status(), done.body());
        assertEquals(2, done.json().getJsonObject("data").getInt("created"), "the duplicate on line 3 chosen too");
        assertEquals(1, Database.count("select count(*) from contacts where display_name = ? and phone = '+14165550101'"
                + " and notes = 'Gate 4'", "Jeanne " + run));
        assertEquals(2, contactsNamed(run));

        JsonObject next = send("POST", "/api/v1/contacts/import?dry_run=true", owner, file.replace(run + "@", run + "-2@")
                .replace("0101", "0102")).json().getJsonObject("data");
        assertEquals(List.of("READY", "DUPLICATE"), outcomes(next), "the business's column choices came back");
        assertEquals("notes", next.getJsonArray("columns").getJsonObject(3).getString("field"));

        var wrong = send("POST", "/api/v1/contacts/import", owner, "{\"file\":\"Name\\nBob\",\"columns\":{\"Name\":\"shoe\"}}");
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("columns"), wrong.body());
        assertEquals(400, send("POST", "/api/v1/contacts/import", owner, "{\"file\":\"Name\\nBob\",\"import_anyway\":\"3\"}")
                .status());
        assertEquals(400, send("POST", "/api/v1/contacts/import", owner, "{\"columns\":{}}").status());
    }

    @Test
    void aVCardFileComesInAsContacts() throws SQLException {
        String staff = token(WORLD.northside("staff"), null);
        String vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Card;Vera;;;\r\nFN:Vera Card " + run + "\r\n"
                + "item1.EMAIL;type=INTERNET;type=pref:vera." + run + "@x.test\r\nTEL;type=CELL:(416) 555-0177\r\n"
                + "ADR;type=HOME:;;1 Main St;Toronto;ON;M5V 1A1;Canada\r\nEND:VCARD\r\n";
        JsonObject done = send("POST", "/api/v1/contacts/import", staff, vcf).json().getJsonObject("data");
        assertEquals(1, done.getInt("created"), done.toString());
        assertEquals(0, done.getJsonArray("columns").size());
        assertEquals(1, Database.count("select count(*) from contacts where display_name = ? and email = ?"
                + " and phone = '+14165550177' and city = 'Toronto' and postal_code = 'M5V 1A1'", "Vera Card " + run,
                "vera." + run + "@x.test"));
    }

    @Test
    void importIsPerBusinessAndNeedsTheRightToWrite() throws SQLException {
        String staff = token(WORLD.northside("staff"), null);
        assertEquals(2, send("POST", "/api/v1/contacts/import", staff, csv()).json().getJsonObject("data").getInt("created"));
        JsonObject maple = send("POST", "/api/v1/contacts/import?dry_run=true", token(WORLD.maple("staff"), null), csv())
                .json().getJsonObject("data");
        assertEquals(List.of("READY", "ERROR", "ERROR", "DUPLICATE", "READY"), outcomes(maple),
                "Northside's contacts are not duplicates in Maple & Co");
        assertEquals(403, send("POST", "/api/v1/contacts/import", token(WORLD.northside("viewer"), null), csv()).status());
        var garbage = send("POST", "/api/v1/contacts/import", staff, "\u0000\u0001binary");
        assertEquals(400, garbage.status(), garbage.body());
        assertEquals(2, contactsNamed(run));
    }

    @Test
    void mergingMovesWorkAndFilesAndDeletesTheOther() {
        String staff = token(WORLD.northside("staff"), null);
        String email = "twin." + run + "@x.test";
        JsonObject keep = send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Keep " + run + "\",\"email\":\"" + email + "\"}")
                .json().getJsonObject("data");
        JsonObject other = send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Other " + run + "\",\"email\":\"" + email
                + "\",\"phone\":\"416 555 0142\",\"tags\":[\"vip\"],\"allow_duplicate\":true}").json().getJsonObject("data");
        String item = send("POST", "/api/v1/work-items", staff, "{\"title\":\"Twin job " + run + "\",\"contact_id\":\""
                + other.getString("id") + "\"}").json().getJsonObject("data").getString("id");
        assertEquals(201, FilesIT.upload(staff, "CONTACT", other.getString("id"), "id.pdf", FilesIT.PDF).status());
        String keepPath = "/api/v1/contacts/" + keep.getString("id");
        assertEquals(List.of(other.getString("id")), get(keepPath + "/duplicates", staff).json().getJsonArray("data")
                .stream().map(v -> v.asJsonObject().getString("id")).toList());

        assertEquals(403, send("POST", keepPath + "/merge", token(WORLD.northside("agent"), null),
                "{\"merge_id\":\"" + other.getString("id") + "\"}").status());
        assertEquals(404, send("POST", keepPath + "/merge", token(WORLD.maple("owner"), null),
                "{\"merge_id\":\"" + other.getString("id") + "\"}").status());
        assertEquals(409, send("POST", keepPath + "/merge", staff,
                "{\"merge_id\":\"" + other.getString("id") + "\",\"if_match_version\":99}").status());

        var unversioned = send("POST", keepPath + "/merge", staff, "{\"merge_id\":\"" + other.getString("id") + "\"}");
        assertEquals(428, unversioned.status(), unversioned.body());
        assertEquals("PRECONDITION_REQUIRED", unversioned.errorCode());
        var merged = edit("POST", keepPath + "/merge", staff, "{\"merge_id\":\"" + other.getString("id") + "\"}");
        assertEquals(200, merged.status(), merged.body());
        JsonObject kept = merged.json().getJsonObject("data");
        assertEquals("+14165550142", kept.getString("phone"));
        assertTrue(kept.getJsonArray("tags").toString().contains("vip"));
        assertEquals(keep.getString("id"), get("/api/v1/work-items/" + item, staff).json().getJsonObject("data").getString("contact_id"));
        assertEquals(1, get("/api/v1/files?linked_type=CONTACT&linked_id=" + keep.getString("id"), staff).json()
                .getJsonArray("data").size());
        assertTrue(get("/api/v1/contacts/" + other.getString("id"), staff).json().getJsonObject("data").getBoolean("deleted"));
        assertTrue(get(keepPath + "/timeline", staff).body().contains("Twin job " + run));
    }

    @Test
    void aContactOfAnotherBusinessCannotBeMergedIn() {
        String maple = token(WORLD.maple("staff"), null);
        String mine = send("POST", "/api/v1/contacts", maple, "{\"display_name\":\"Mine " + run + "\"}")
                .json().getJsonObject("data").getString("id");
        String theirs = send("POST", "/api/v1/contacts", token(WORLD.northside("staff"), null),
                "{\"display_name\":\"Theirs " + run + "\"}").json().getJsonObject("data").getString("id");
        var refused = edit("POST", "/api/v1/contacts/" + mine + "/merge", maple, "{\"merge_id\":\"" + theirs + "\"}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("merge_id"));
    }
}
