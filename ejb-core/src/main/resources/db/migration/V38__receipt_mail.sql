-- Whether a client gets a receipt e-mail by itself after paying an invoice by card (issue 17; off unless turned on in
-- Settings → Payments). A person can always send one from the invoice's payments.
alter table tenants add column receipt_mail boolean not null default false;
