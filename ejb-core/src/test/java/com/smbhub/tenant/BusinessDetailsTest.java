package com.smbhub.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smbhub.money.DocumentPdf;
import com.smbhub.platform.PostalAddress;
import com.smbhub.platform.errors.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a business prints on its documents: kept as typed (trimmed), refused field by field when it cannot be printed. */
class BusinessDetailsTest {

    @Test
    void typedDetailsAreTrimmedAndNormalised() {
        BusinessDetails clean = details(" Northside Plumbing Ltd. ", "ca", "(416) 555-0100 x22", " Hello@Northside.test ",
                "https://northside.test/", "GST/HST 123456789 RT0001\n\n  QST 1234567890 TQ0001  \n").checked();
        assertEquals("Northside Plumbing Ltd.", clean.legalName());
        assertEquals("CA", clean.address().country());
        assertEquals("+14165550100 x22", clean.phone(), "read in the business's country, extension kept");
        assertEquals("hello@northside.test", clean.email());
        assertEquals(List.of("GST/HST 123456789 RT0001", "QST 1234567890 TQ0001"), clean.taxNumberLines());
    }

    @Test
    void blankFieldsAreNone() {
        BusinessDetails clean = new BusinessDetails("  ", new PostalAddress(" ", null, "", null, null, null), "", " ", "",
                " \n ", "", null, 0).checked();
        assertNull(clean.legalName());
        assertNull(clean.phone());
        assertNull(clean.taxNumbers());
        assertEquals(List.of(), clean.letterhead("Northside", null).lines());
    }

    @Test
    void everyProblemIsSaidAtItsField() {
        ValidationException e = assertThrows(ValidationException.class, () -> details("A\nB", "Canada", "call me",
                "not-an-address", "not a site", "1\n2\n3\n4\n5").checked());
        Map<String, String> errors = e.errors().stream().collect(Collectors.toMap(ValidationException.FieldError::field,
                ValidationException.FieldError::message, (a, b) -> a));
        assertEquals("One line only", errors.get("legal_name"));
        assertEquals("At most 2 characters", errors.get("country"));
        assertEquals("Not a valid phone number", errors.get("phone"));
        assertEquals("Not a valid e-mail address, e.g. hello@yourbusiness.com", errors.get("email"));
        assertEquals("Not a web address, e.g. yourbusiness.com", errors.get("website"));
        assertEquals("Up to 4 lines of at most 80 characters, e.g. GST/HST 123456789 RT0001", errors.get("tax_numbers"));
    }

    @Test
    void theLetterheadLeavesOutALegalNameThatIsTheNameAndJoinsTheWaysToReachTheBusiness() {
        DocumentPdf.From from = new BusinessDetails("Northside", new PostalAddress("12 King St W", null, "Toronto", "ON", null,
                "CA"), "+14165550100", null, "northside.test", null, null, null, 0).letterhead("Northside", null);
        assertEquals(List.of("12 King St W", "Toronto ON", "Canada", "+1 416-555-0100 · northside.test"), from.lines());
    }

    private static BusinessDetails details(String legalName, String country, String phone, String email, String website,
                                           String tax) {
        return new BusinessDetails(legalName, new PostalAddress("12 King St W", null, "Toronto", "ON", "M5H 1A1", country), phone,
                email, website, tax, null, null, 0);
    }
}
