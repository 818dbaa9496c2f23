-- When the client last opened an invoice's or a quote's page through its link (issue 13: "viewed"), shown
-- beside the document's state; written only by the client portal.
alter table invoices add column viewed_at timestamptz;
alter table quotes add column viewed_at timestamptz;
