-- Whether the owners and admins of a business get an e-mail when a client pays by card (issue 17; off unless turned on
-- in Settings → Payments). The in-app notification on Home comes either way.
alter table tenants add column payment_mail boolean not null default false;
