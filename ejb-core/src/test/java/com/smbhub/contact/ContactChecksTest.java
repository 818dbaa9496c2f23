package com.smbhub.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.ValidationException;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileMerger;
import com.smbhub.profile.ProfileSchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactChecksTest {

    private static final EffectiveProfile GENERAL = new EffectiveProfile("general", 1,
            ProfileMerger.merge(ProfileSchema.shipped("base"), ProfileSchema.shipped("general")));

    private static ContactDraft draft(String name, String email, String phone) {
        return ContactDraft.of(name, email, phone);
    }

    @ParameterizedTest
    @CsvSource({
            "416 555 0199,     CA, +14165550199",
            "(416) 555-0199,   CA, +14165550199",
            "+44 20 7946 0958, CA, +442079460958",
            "+1-212-555-0123,  ,   +12125550123",
            "416-555-0134 x22, CA, +14165550134 x22",
            "416-555-0134 ext. 22, CA, +14165550134 x22",
    })
    void phoneNumbersAreStoredInE164(String raw, String region, String expected) {
        assertEquals(expected, ContactChecks.normalise(draft("Ann", null, raw), region, GENERAL).phone());
    }

    @Test
    void aDeskLineKeepsItsExtensionAndReadsWithIt() {
        String stored = ContactChecks.normalise(draft("Ann", null, "416-555-0134 x22"), "CA", GENERAL).phone();
        assertTrue(ContactChecks.hasExtension(stored));
        assertEquals("+1 416-555-0134 ext. 22", ContactChecks.readable(stored));
        assertEquals(Optional.of("+14165550134"), ContactChecks.e164("416-555-0134 x22", "CAD"), "a number to text has none");
        assertFalse(ContactChecks.hasExtension("+14165550134"));
    }

    @Test
    void aLocalNumberNeedsACountryCodeWhenTheBusinessHasNoDefaultRegion() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ContactChecks.normalise(draft("Ann", null, "416 555 0199"), null, GENERAL));
        assertEquals("phone", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("country code"));
    }

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertEquals("ann@example.com", ContactChecks.normalise(draft("Ann", "  Ann@Example.COM ", null), "CA", GENERAL).email());
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ContactChecks.normalise(new ContactDraft("FRIEND", " ", null, "not-an-email", "12", null, null,
                        null, null, null, null, List.of(), null), "CA", GENERAL));
        assertEquals(List.of("type", "email", "phone", "display_name"),
                e.errors().stream().map(ValidationException.FieldError::field).toList());
    }

    @Test
    void tagsAreTrimmedLowerCasedAndDeduplicated() {
        ContactDraft d = new ContactDraft(null, "Ann", null, null, null, null, null, null, null, null, null,
                List.of(" VIP", "vip", "", "Landlord"), null);
        assertEquals(List.of("vip", "landlord"), ContactChecks.normalise(d, "CA", GENERAL).tags());
    }
}
