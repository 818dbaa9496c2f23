-- Each call to the optional chat-completions reader (issue 15, docs/text-to-task.md): what it cost, in tokens and
-- money, and how it ended; a business's monthly budget and per-minute rate are counted from these rows.
create table ai_usage (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants (id),
    at timestamptz not null default now(),
    model text not null,
    input_tokens bigint not null default 0 check (input_tokens >= 0),
    output_tokens bigint not null default 0 check (output_tokens >= 0),
    cost numeric(12, 6) not null default 0 check (cost >= 0),
    outcome text not null check (outcome in ('READ', 'FAILED', 'OVER_BUDGET', 'RATE_LIMITED'))
);
create index ai_usage_tenant_at_idx on ai_usage (tenant_id, at);

select tenant_rows('ai_usage');
