-- Stripe Connect: each business's connected account (webhook events name it in "account").
alter table tenants add column stripe_account_id text;
create unique index tenants_stripe_account_uq on tenants (stripe_account_id) where stripe_account_id is not null;

-- The invoice's current Checkout Session: reused while it is open and for the same amount.
alter table invoices add column stripe_session_id text,
    add column payment_link_amount numeric(19, 4),
    add column payment_link_expires_at timestamptz;

-- Refunds made in Stripe, cumulative (a charge.refunded event carries the running total).
alter table payments add column amount_refunded numeric(19, 4) not null default 0;

-- A signed event that names another business's invoice, an unknown account or a void invoice is kept as REJECTED.
alter table webhook_events drop constraint webhook_events_status_check;
alter table webhook_events add constraint webhook_events_status_check
    check (status in ('RECEIVED', 'PROCESSED', 'FAILED', 'IGNORED', 'REJECTED'));
create index webhook_events_received_idx on webhook_events (received_at);
