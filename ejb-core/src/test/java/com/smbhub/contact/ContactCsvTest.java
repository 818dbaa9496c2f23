package com.smbhub.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.ValidationException;
import java.util.List;
import java.util.Map;
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
    void columnsAPersonChoseGoBeforeTheKnownNamesAndEachColumnShowsItsFirstValue() {
        String csv = "Nom,Courriel,Mobile,Cell #,Email,Ref\n"
                + "Jeanne Roy,jeanne@x.test,416 555 0101,,old@x.test,A1\n"
                + "Luc Roy,luc@x.test,416 555 0102,647 555 0199,,A2\n";
        ContactCsv.Sheet sheet = ContactCsv.read(csv, Map.of("nom", "display_name", "courriel", "email", "cell", "phone",
                "email", ""));
        ContactDraft jeanne = sheet.rows().get(0).draft();
        assertEquals("Jeanne Roy", jeanne.displayName());
        assertEquals("jeanne@x.test", jeanne.email(), "the chosen column, the known Email left out as chosen");
        assertEquals("416 555 0101", jeanne.phone(), "the chosen Cell # is empty: the known Mobile");
        assertEquals("647 555 0199", sheet.rows().get(1).draft().phone(), "the chosen Cell # before the known Mobile");
        assertEquals(List.of(new ContactCsv.Column("Nom", "display_name", "Jeanne Roy"),
                new ContactCsv.Column("Courriel", "email", "jeanne@x.test"), new ContactCsv.Column("Mobile", "phone", "416 555 0101"),
                new ContactCsv.Column("Cell #", "phone", "647 555 0199"), new ContactCsv.Column("Email", null, "old@x.test"),
                new ContactCsv.Column("Ref", null, "A1")), sheet.columns());
        assertEquals(List.of("Email", "Ref"), sheet.ignoredColumns());
    }

    @Test
    void aFileWhoseNameColumnIsNotKnownIsReadSoAPersonCanSayWhichItIs() {
        ContactCsv.Sheet sheet = ContactCsv.read("Nom,Email\nJeanne,jeanne@x.test\n");
        assertEquals(null, sheet.rows().get(0).draft().displayName());
        assertEquals("jeanne@x.test", sheet.rows().get(0).draft().email());
        assertEquals(List.of("Nom"), sheet.ignoredColumns());
    }

    @Test
    void readsVCardsOfOutlookAppleGoogleAndVersionFour() {
        String vcf = "BEGIN:VCARD\r\n"
                + "VERSION:2.1\r\n"
                + "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Tremblay;Ren=C3=A9e;;;\r\n"
                + "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9e Tremblay\r\n"
                + "ORG:Tremblay Plomberie\r\n"
                + "TEL;WORK;VOICE:(514) 555-0100\r\n"
                + "TEL;CELL;VOICE:(514) 555-0111\r\n"
                + "ADR;WORK;ENCODING=QUOTED-PRINTABLE:;;12 rue Principale=0D=0AUnit=C3=A9 4;Montr=C3=A9al;QC;H2X 1Y4;=\r\n"
                + "Canada\r\n"
                + "EMAIL;PREF;INTERNET:renee@x.test\r\n"
                + "END:VCARD\r\n"
                + "BEGIN:VCARD\n"
                + "VERSION:3.0\n"
                + "N:Appleseed;John;;;\n"
                + "FN:John Appleseed\n"
                + "item1.EMAIL;type=INTERNET:john.home@x.test\n"
                + "item2.EMAIL;type=INTERNET;type=WORK;type=pref:john@x.test\n"
                + "item3.TEL;type=HOME:416 555 0120\n"
                + "NOTE:Gate code 1234\\, side door\\nDog is friendly\n"
                + "CATEGORIES:Clients,VIP\n"
                + "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDA\n"
                + " sLCwsZEhMPFB0aHx4dGhwcICQuJyAiLCMcHCg3KSwwMTQ0NB8nOT04MjwuMzQy\n"
                + "END:VCARD\n"
                + "BEGIN:VCARD\n"
                + "VERSION:4.0\n"
                + "KIND:org\n"
                + "FN:Acme Supplies\n"
                + "EMAIL;PREF=1:orders@acme.\n"
                + " test\n"
                + "END:VCARD\n";
        List<ContactCsv.Row> rows = ContactCsv.read(vcf).rows();
        assertEquals(List.of(1L, 12L, 24L), rows.stream().map(ContactCsv.Row::line).toList(), "each card's BEGIN line");
        ContactDraft renee = rows.get(0).draft();
        assertEquals("Renée Tremblay", renee.displayName());
        assertEquals("Tremblay Plomberie", renee.companyName());
        assertEquals("renee@x.test", renee.email());
        assertEquals("(514) 555-0111", renee.phone(), "the mobile before the work phone");
        assertEquals("12 rue Principale", renee.addressLine1());
        assertEquals("Unité 4", renee.addressLine2());
        assertEquals("Montréal", renee.city());
        assertEquals("QC", renee.region());
        assertEquals("H2X 1Y4", renee.postalCode());
        assertEquals("Canada", renee.country(), "a quoted-printable soft break joins the next line");
        ContactDraft john = rows.get(1).draft();
        assertEquals("John Appleseed", john.displayName());
        assertEquals("john@x.test", john.email(), "the preferred e-mail");
        assertEquals("416 555 0120", john.phone());
        assertEquals("Gate code 1234, side door\nDog is friendly", john.notes());
        assertEquals(List.of("Clients", "VIP"), john.tags());
        assertEquals("orders@acme.test", rows.get(2).draft().email(), "a folded line is one value");
        assertTrue(ContactCsv.read("BEGIN:VCARD\nN:Roy;Luc;;;\nEND:VCARD\n").columns().isEmpty());
        assertEquals("Luc Roy", ContactCsv.read("BEGIN:VCARD\nN:Roy;Luc;;;\nEND:VCARD\n").rows().get(0).draft().displayName(),
                "no FN: the name from N");
        assertThrows(ValidationException.class, () -> ContactCsv.read("BEGIN:VCARD\nEND:VCARD\n"));
    }

    @Test
    void refusesAFileWithoutContactsOrThatIsNotCsv() {
        ValidationException noHeader = assertThrows(ValidationException.class, () -> ContactCsv.read("jane@x.test,416\n"));
        assertEquals("file", noHeader.errors().get(0).field());
        assertThrows(ValidationException.class, () -> ContactCsv.read("Name\nJ\u0000\u0001ane\nBob\n"));
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
