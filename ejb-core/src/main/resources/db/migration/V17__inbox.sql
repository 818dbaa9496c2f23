-- The inbox (issue 14): e-mail threads from a business's own mailbox (IMAP in, SMTP out).
-- A mailbox's settings live in integration_connections (provider IMAP, the password encrypted);
-- how far it has been read lives in mailbox_sync.

-- E-mail: provider_message_id is the Message-ID (angle brackets off), so a message seen twice is one row.
alter table messages add column subject text;
alter table messages add column in_reply_to text;
alter table messages add column references_ids text;
alter table messages add column state text not null default 'RECEIVED'
    check (state in ('RECEIVED', 'UNREADABLE', 'QUEUED', 'SENT', 'FAILED', 'DELIVERED'));
alter table messages add column error text;
alter table messages add column automatic text check (automatic in ('AUTO_REPLY', 'BOUNCE', 'LIST'));
alter table messages add column from_name text;
alter table messages add column sent_by uuid references users (id);

-- The raw RFC 822 source, kept before it is parsed (a message that cannot be read is still shown).
create table message_sources (
    message_id uuid primary key references messages (id),
    tenant_id uuid not null references tenants (id),
    raw bytea not null,
    created_at timestamptz not null default now()
);
create index message_sources_tenant_idx on message_sources (tenant_id);

-- The conversation's counterpart (an e-mail address or E.164 number), its thread subject without
-- Re:/Fwd:, what the list shows and how much of it nobody has read yet.
alter table conversations add column counterpart text;
alter table conversations add column thread_subject text;
alter table conversations add column snippet text;
alter table conversations add column unread_count int not null default 0;
create index conversations_tenant_last_idx on conversations (tenant_id, last_message_at desc, id desc)
    where deleted_at is null;
create index conversations_tenant_counterpart_idx on conversations (tenant_id, counterpart, thread_subject);

create table mailbox_sync (
    connection_id uuid primary key references integration_connections (id) on delete cascade,
    tenant_id uuid not null references tenants (id),
    uid_validity bigint,
    last_uid bigint not null default 0,
    last_polled_at timestamptz,
    last_success_at timestamptz,
    last_error text,
    failures int not null default 0,
    lease_until timestamptz,
    leased_by text
);
create index mailbox_sync_tenant_idx on mailbox_sync (tenant_id);

alter table work_items drop constraint work_items_source_check;
alter table work_items add constraint work_items_source_check
    check (source in ('INBOX', 'EMAIL', 'SMS', 'PORTAL', 'MANUAL', 'POS_SYNC', 'AI'));

do $$
declare
    t text;
    rule text := '(tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid'
                 || ' or current_setting(''app.cross_tenant'', true) = ''on'')';
begin
    foreach t in array array['message_sources', 'mailbox_sync'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_rows on %I using %s with check %s', t, rule, rule);
    end loop;
end $$;
