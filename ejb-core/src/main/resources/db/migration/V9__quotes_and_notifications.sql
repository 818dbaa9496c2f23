-- Quotes: when they were last sent and the client's decision (portal approve / reject).
alter table quotes add column last_sent_at timestamptz,
    add column decided_at timestamptz,
    add column decision_note text;

-- In-app notifications for a business (a client approved or rejected a quote, …); read by anyone in it.
create table notifications (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    kind text not null,
    title text not null,
    entity_type text,
    entity_id text,
    read_at timestamptz,
    created_at timestamptz not null default now()
);
create index notifications_tenant_created_idx on notifications (tenant_id, created_at);
