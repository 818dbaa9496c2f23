-- Money core (issue 4): the business's tax codes, and its document numbers (INV-1001, Q-1001).
create table tax_codes (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    code text not null,
    name text not null,
    rate_percent numeric(7, 4) not null check (rate_percent >= 0 and rate_percent <= 100),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0,
    unique (tenant_id, code)
);

-- One row per business and kind; the row lock taken by "next number" serialises concurrent
-- creations, and the number is spent only if the document's transaction commits: no gaps, no twins.
create table document_sequences (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    kind text not null check (kind in ('INVOICE', 'QUOTE')),
    prefix text not null,
    next_number bigint not null check (next_number > 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0,
    unique (tenant_id, kind)
);
