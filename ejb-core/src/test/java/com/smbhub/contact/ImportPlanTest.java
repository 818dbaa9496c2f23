package com.smbhub.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.contact.ContactService.ImportRow;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileMerger;
import com.smbhub.profile.ProfileSchema;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An import's decisions row by row, with the real checks and no database. */
class ImportPlanTest {

    private static final EffectiveProfile GENERAL = new EffectiveProfile("general", 1,
            ProfileMerger.merge(ProfileSchema.shipped("base"), ProfileSchema.shipped("general")));

    private static ImportPlan plan(String csv, String existingEmail) {
        return plan(csv, existingEmail, Set.of());
    }

    private static ImportPlan plan(String csv, String existingEmail, Set<Long> anyway) {
        return ImportPlan.of(ContactCsv.read(csv).rows(), d -> ContactChecks.normalise(d, "CA", GENERAL),
                d -> existingEmail.equals(d.email()) ? Optional.of("Jane (existing)") : Optional.empty(), anyway);
    }

    @Test
    void eachRowIsReadyAnErrorOrADuplicateOfAContactOrAnEarlierRow() {
        ImportPlan plan = plan("Name,E-mail,Phone\n"
                + "Ann,ann@x.test,416 555 0101\n"
                + "Bob,not-an-email,\n"
                + "Jane,jane@x.test,\n"
                + "Ann again,other@x.test,(416) 555-0101\n"
                + "Cy,cy@x.test,\n"
                + "Ned Lee,ned@x.test,416-555-0101\n", "jane@x.test");
        List<ImportRow> rows = plan.rows();
        assertEquals(List.of("READY", "ERROR", "DUPLICATE", "DUPLICATE", "READY", "READY"),
                rows.stream().map(ImportRow::outcome).toList());
        assertEquals("email", rows.get(1).errors().get(0).field());
        assertEquals("Jane (existing)", rows.get(2).duplicateOf());
        assertEquals("line 2", rows.get(3).duplicateOf(), "the same phone, written another way, and the same Ann as line 2");
        assertEquals(List.of("Ann", "Cy", "Ned Lee"), plan.ready().stream().map(ContactDraft::displayName).toList());
        assertEquals(2, plan.count(ImportPlan.DUPLICATE));
        assertEquals(1, plan.count(ImportPlan.ERROR));
    }

    @Test
    void aSharedPhoneAloneIsNotADuplicate() {
        ImportPlan plan = plan("Name,E-mail,Phone\nJane Doe,,416 555 0101\nJohn Doe,,416 555 0101\nDoe Jane,,416-555-0101\n",
                "nobody@x.test");
        assertEquals(List.of("READY", "READY", "DUPLICATE"), plan.rows().stream().map(ImportRow::outcome).toList(),
                "a family's home line: two people; the first again, written the other way round, is a duplicate");
        assertEquals("line 2", plan.rows().get(2).duplicateOf());
    }

    @Test
    void aDuplicateChosenIsImportedAnywayAndStillSaysWhatItDuplicates() {
        String csv = "Name,E-mail\nJane,jane@x.test\nAnn,ann@x.test\nAnn Two,ann@x.test\nAnn Three,ann@x.test\n";
        ImportPlan plan = plan(csv, "jane@x.test", Set.of(2L, 4L, 99L));
        assertEquals(List.of("READY", "READY", "READY", "DUPLICATE"), plan.rows().stream().map(ImportRow::outcome).toList(),
                "lines 2 and 4 are chosen, line 5 is not");
        assertEquals("Jane (existing)", plan.rows().get(0).duplicateOf());
        assertEquals("line 3", plan.rows().get(2).duplicateOf());
        assertEquals(List.of("Jane", "Ann", "Ann Two"), plan.ready().stream().map(ContactDraft::displayName).toList());
        assertEquals(1, plan.count(ImportPlan.DUPLICATE));
        ImportPlan again = plan(csv, "jane@x.test", Set.of(4L));
        assertEquals(List.of("DUPLICATE", "READY", "READY", "DUPLICATE"), again.rows().stream().map(ImportRow::outcome).toList());
        assertEquals("line 3", again.rows().get(3).duplicateOf(), "a later row repeats the first Ann still");
    }

    @Test
    void aRowWithAnErrorDoesNotReserveItsEmailForLaterRows() {
        ImportPlan plan = plan("Name,E-mail,Phone\n,dup@x.test,\nDee,dup@x.test,\n", "nobody@x.test");
        assertEquals(List.of("ERROR", "READY"), plan.rows().stream().map(ImportRow::outcome).toList());
    }
}
