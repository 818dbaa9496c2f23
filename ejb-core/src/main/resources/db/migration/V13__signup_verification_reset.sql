-- Issue 13: a business starts on its own — sign-up, e-mail verification, password reset.

-- When the person proved the address (existing accounts were seeded or joined by an e-mailed invitation).
alter table users add column email_verified_at timestamptz;
update users set email_verified_at = created_at;
-- Sessions and API tokens begun before this instant no longer work (set by a password reset).
alter table users add column credentials_changed_at timestamptz;

alter table tenants add column country char(2);
-- A business made by sign-up sends nothing to clients until its owner verified their e-mail address.
alter table tenants add column verification_pending boolean not null default false;

-- Single-use links e-mailed to a person (global: they belong to a user, not to a business); only the
-- SHA-256 of the 256-bit token is kept.
create table account_links (
    id uuid primary key,
    user_id uuid not null references users (id),
    purpose text not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash text not null unique,
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now()
);
create index account_links_user_idx on account_links (user_id, purpose);
