-- Every message the application tried to send (issue 4): sent or failed, with the reason.
create table mail_log (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    kind text not null,
    document_id uuid,
    recipient text not null,
    subject text not null,
    status text not null check (status in ('SENT', 'FAILED')),
    error text,
    created_by text,
    created_at timestamptz not null default now()
);
create index mail_log_tenant_created_idx on mail_log (tenant_id, created_at);
