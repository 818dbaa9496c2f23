package com.smbhub.web.quote;

import com.smbhub.home.HomeService;
import com.smbhub.money.MoneyText;
import com.smbhub.platform.db.Page;
import com.smbhub.quote.QuoteService;
import com.smbhub.quote.QuoteStatus;
import com.smbhub.quote.QuoteView;
import com.smbhub.web.contact.ContactPicker;
import com.smbhub.web.document.DocumentEditor;
import com.smbhub.web.document.DocumentList;
import com.smbhub.web.invoice.InvoicesView;
import com.smbhub.web.shell.Badges;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.web.shell.PhoneCards;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/** Quotes: the list with its status filter, and the quote editor. */
@Route(value = "quotes", layout = MainLayout.class)
@CdiComponent
@PermitAll
public class QuotesView extends DocumentList<QuoteView> {

    @EJB QuoteService quotes;






    public QuotesView() {
        super("quote", QuoteStatus.FILTERS);
        grid.addColumn(QuoteView::number).setHeader("Number").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(q -> q.contactName() == null ? "" : q.contactName()).setHeader("Client").setFlexGrow(2);
        grid.addComponentColumn(q -> Badges.of(QuoteStatus.valueOf(q.status()), status(q))).setHeader("Status");
        grid.addColumn(q -> q.expiryDate() == null ? "" : Dates.current().day(q.expiryDate())).setHeader("Valid until");
        grid.addColumn(q -> MoneyText.format(q.total(), q.currency())).setHeader("Total").setTextAlign(ColumnTextAlign.END);
        PhoneCards.of(grid, q -> PhoneCards.card(q.number() + (q.contactName() == null ? "" : " · " + q.contactName()),
                MoneyText.format(q.total(), q.currency()), status(q) + (q.expiryDate() == null ? ""
                        : " · valid until " + Dates.current().day(q.expiryDate()))));
    }

    @Override
    protected Page<QuoteView> page(String status, String afterKey) {
        return quotes.list(status, null, afterKey, 50);
    }

    @Override
    protected QuoteView find(String id) {
        return quotes.get(id);
    }

    @Override
    protected DocumentEditor<QuoteView> editor(QuoteView fresh, HomeService.Greeting business) {
        return new QuoteEditor(quotes, links, ContactPicker.Source.of(contacts), profile, fresh, business.currency(),
                today(business), mayBillInOtherCurrency(), this::saved,
                invoice -> getUI().ifPresent(ui -> ui.navigate(InvoicesView.class, QueryParameters.of("open", invoice.id()))));
    }
}
