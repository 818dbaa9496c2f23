package com.smbhub.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactCsvTest {

    @Test
    void readsCommonColumnNamesAndKeepsFileLineNumbers() {
        ContactCsv.Sheet sheet = ContactCsv.read("\uFEFFName,E-mail,Mobile,Company,Tags,Favourite colour\n"
                + "Jane Doe,jane@x.test,416 555 0101,Doe Ltd,vip;plumbing,red\n"
                + "\n"
                + "\"Smith, John\",john@x.test,,,,\n");
        assertEquals(2, sheet.rows().size());
        ContactDraft jane = sheet.rows().get(0).draft();
        assertEquals("Jane Doe", jane.displayName());
        assertEquals("jane@x.test", jane.email());
        assertEquals("416 555 0101", jane.phone());
        assertEquals("Doe Ltd", jane.companyName());
        assertEquals(List.of("vip", "plumbing"), jane.tags());
        assertEquals("Smith, John", sheet.rows().get(1).draft().displayName());
        assertEquals(2, sheet.rows().get(0).line());
        assertEquals(4, sheet.rows().get(1).line());
        assertEquals(List.of("Favourite colour"), sheet.ignoredColumns());
    }

    @Test
    void readsAnOutlookExportTakingTheFirstPhoneThatIsThere() {
        ContactCsv.Sheet sheet = ContactCsv.read("First Name,Middle Name,Last Name,Title,E-mail Address,E-mail 2 Address,"
                + "Home Phone,Business Phone,Mobile Phone,Company,Business Street,Business City,Business State,"
                + "Business Postal Code,Business Country/Region,Home Street,Home City,Notes,Categories\r\n"
                + "Jane,Q,Doe,Ms,jane@doe.test,jd@home.test,416-555-0199,416-555-0134 x22,,Doe Plumbing,12 King St W,"
                + "Toronto,ON,M5H 1A1,Canada,9 Elm,Oakville,Gate code 1234,Clients;VIP\r\n"
                + "Raj,,Patel,,,raj@home.test,,,647-555-0101,,,,,,,,Hamilton,,\r\n");
        ContactDraft jane = sheet.rows().get(0).draft();
        assertEquals("Jane Doe", jane.displayName());
        assertEquals("jane@doe.test", jane.email());
        assertEquals("416-555-0134 x22", jane.phone(), "the business phone before the home one");
        assertEquals("Doe Plumbing", jane.companyName());
        assertEquals("12 King St W", jane.addressLine1(), "the business address before the home one");
        assertEquals("Toronto", jane.city());
        assertEquals("ON", jane.region());
        assertEquals("M5H 1A1", jane.postalCode());
        assertEquals("Canada", jane.country());
        assertEquals("Gate code 1234", jane.notes());
        assertEquals(List.of("Clients", "VIP"), jane.tags());
        ContactDraft raj = sheet.rows().get(1).draft();
        assertEquals("raj@home.test", raj.email(), "the second address when the first is empty");
        assertEquals("647-555-0101", raj.phone());
        assertEquals("Hamilton", raj.city(), "the home city when there is no business one");
        assertTrue(sheet.ignoredColumns().containsAll(List.of("Middle Name", "Title")), sheet.ignoredColumns().toString());
    }

    @Test
    void readsAGoogleContactsExport() {
        ContactCsv.Sheet sheet = ContactCsv.read("First Name,Middle Name,Last Name,File As,Organization Name,Notes,Labels,"
                + "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Formatted,"
                + "Address 1 - Street,Address 1 - City,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
                + "Address 1 - Extended Address\n"
                + "Ana,,Silva,,Silva Bakery,Pays by card,* myContacts ::: Bakery,* Work,ana@silva.test,Mobile,+1 416 555 0123,"
                + "Work,\"200 Queen St\nToronto\",200 Queen St,Toronto,ON,M5V 2A4,CA,Unit 4\n");
        ContactDraft ana = sheet.rows().get(0).draft();
        assertEquals("Ana Silva", ana.displayName());
        assertEquals("Silva Bakery", ana.companyName());
        assertEquals("ana@silva.test", ana.email());
        assertEquals("+1 416 555 0123", ana.phone());
        assertEquals("200 Queen St", ana.addressLine1());
        assertEquals("Unit 4", ana.addressLine2());
        assertEquals("M5V 2A4", ana.postalCode());
        assertEquals(List.of("Bakery"), ana.tags(), "Google's own group left out");
    }

    @Test
    void aBrokenFileSaysWhereAndNeverNamesTheParser() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ContactCsv.read("Name,Email\nJane,jane@x.test\n\"Broken\"x,b@x.test\n"));
        String said = e.errors().get(0).message();
        assertTrue(said.startsWith("Not a readable CSV file (line 3)"), said);
        assertTrue(!said.contains("Exception") && !said.contains("java.") && !said.contains("csv."), said);
    }

    @Test
    void joinsFirstAndLastNameAndReadsSemicolonFiles() {
        ContactCsv.Sheet sheet = ContactCsv.read("First name;Last name;Zip;Type\nAda;Lovelace;M5V 2T6;lead\n");
        ContactDraft ada = sheet.rows().get(0).draft();
        assertEquals("Ada Lovelace", ada.displayName());
        assertEquals("M5V 2T6", ada.postalCode());
        assertEquals("LEAD", ada.type());
        assertEquals(3, ContactCsv.read("Name\r\nA\r\nB").rows().get(1).line());
    }

    @Test
    void refusesAFileWithoutANameColumnOrThatIsNotCsv() {
        ValidationException noHeader = assertThrows(ValidationException.class, () -> ContactCsv.read("jane@x.test,416\n"));
        assertEquals("file", noHeader.errors().get(0).field());
        assertThrows(ValidationException.class, () -> ContactCsv.read("Name,Email\n\"Unclosed,jane@x.test\n"));
        assertThrows(ValidationException.class, () -> ContactCsv.read(""));
    }

    @Test
    void refusesMoreRowsThanTheLimit() {
        StringBuilder csv = new StringBuilder("Name\n");
        for (int i = 0; i <= ContactCsv.MAX_ROWS; i++) {
            csv.append("Person ").append(i).append('\n');
        }
        ValidationException e = assertThrows(ValidationException.class, () -> ContactCsv.read(csv.toString()));
        assertTrue(e.errors().get(0).message().contains("5000"));
    }
}
