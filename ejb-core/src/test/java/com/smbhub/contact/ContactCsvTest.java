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
