package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.platform.db.Page;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Role;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileMerger;
import com.smbhub.profile.ProfileSchema;
import com.smbhub.quote.QuoteService;
import com.smbhub.quote.QuoteView;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The palette's lines for a role, over services that find nothing. */
class CommandPaletteTest {

    private static final EffectiveProfile GENERAL = new EffectiveProfile("general", 1,
            ProfileMerger.merge(ProfileSchema.shipped("base"), ProfileSchema.shipped("general")));

    private static CommandPalette palette(Role role) {
        Access access = new Access() {
            @Override
            public Role role() {
                return role;
            }
        };
        ContactService contacts = new ContactService() {
            @Override
            public Page<ContactView> list(String query, String type, boolean deleted, String afterKey, int limit) {
                return new Page<>(List.of(), null);
            }
        };
        WorkItemService work = new WorkItemService() {
            @Override
            public List<WorkItemView> search(String text, int limit) {
                return List.of();
            }
        };
        InvoiceService invoices = new InvoiceService() {
            @Override
            public List<InvoiceView> search(String text, int limit) {
                return List.of();
            }
        };
        QuoteService quotes = new QuoteService() {
            @Override
            public List<QuoteView> search(String text, int limit) {
                return List.of();
            }
        };
        return new CommandPalette(new CommandPalette.Sources(contacts, work, invoices, quotes, access), GENERAL, () -> { });
    }

    @Test
    void anOwnerGetsEveryCommandAndTheWordsTypedNarrowThem() {
        CommandPalette owner = palette(Role.OWNER);
        List<String> all = owner.shown();
        assertEquals(List.of("New contact", "New request", "New invoice", "New quote", "Payments"), all.subList(0, 5));
        assertTrue(all.contains("Settings → Team") && all.get(all.size() - 1).equals("Sign out"), all.toString());
        owner.search("settings tea");
        assertEquals(List.of("Settings → Team", "New contact “settings tea”", "New request “settings tea”"), owner.shown(),
                "the command first, so Enter runs it");
        owner.search("zz");
        assertEquals(List.of("New contact “zz”", "New request “zz”"), owner.shown(), "nothing found: only the new ones");
    }

    @Test
    void anAgentGetsNoMoneyOrSettingsCommands() {
        List<String> agent = palette(Role.AGENT).shown();
        assertTrue(agent.stream().noneMatch(l -> l.startsWith("Settings") || l.equals("Payments") || l.equals("New invoice")),
                agent.toString());
        assertTrue(agent.contains("Sign out"));
    }
}
