package com.smbhub.portal.api;

import com.smbhub.expense.ExpenseService;
import com.smbhub.home.HomeService;
import com.smbhub.inbox.InboxService;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.money.Totals;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.profile.ProfileService;
import com.smbhub.workitem.WorkItemService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * GET /api/v1/home/summary: the Home snapshot (money figures are zero for roles that may not read money; the month's
 * expenses are empty for those who may not read expenses).
 */
@ApplicationScoped
@Path("/home/summary")
@Authenticated
public class HomeResource {

    @EJB HomeService home;

    @EJB WorkItemService work;

    @EJB InvoiceService invoices;

    @EJB Access access;

    @EJB InboxService inbox;

    @EJB ExpenseService expenses;

    @EJB ProfileService profiles;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response summary() {
        WorkItemService.Today today = work.today();
        var money = Permissions.allows(access.role(),
                Capability.MONEY_READ) ? invoices.money() : null;
        String currency = money == null ? home.greeting().currency() : money.currency();
        JsonArrayBuilder next = Jsonp.createArrayBuilder();
        today.nextActions().forEach(w -> next.add(WorkItemsResource.json(w)));
        JsonObjectBuilder spent = Jsonp.createObjectBuilder();
        if (profiles.effective().capability("expenses") && Permissions.allows(access.role(), Capability.EXPENSES_READ)) {
            expenses.thisMonth().forEach((code, sum) -> spent.add(code, Envelope.money(sum, code)));
        }
        return Envelope.ok(Jsonp.createObjectBuilder()
                .add("unpaid", money(money == null ? BigDecimal.ZERO : money.unpaid(), currency))
                .add("overdue", money(money == null ? BigDecimal.ZERO : money.overdue(), currency))
                .add("todays_payments", money(money == null ? BigDecimal.ZERO : money.paidToday(), currency))
                .add("new_work_items", today.newItems())
                .add("overdue_work_items", today.overdueItems())
                .add("unread_messages", inbox.unread())
                .add("expenses_this_month", spent)
                .add("next_actions", next)
                .build());
    }

    private static JsonObject money(BigDecimal amount, String currency) {
        return Jsonp.createObjectBuilder().add("amount", amount.setScale(Totals.scale(currency),
                RoundingMode.HALF_UP).toPlainString()).add("currency", currency).build();
    }
}
