-- Pictures and files sent by MMS (issue 14): Twilio names them in the incoming webhook; each is fetched
-- from Twilio by a timer (one fetcher per row in the whole cluster: a lease) and kept as the message's file.
create table sms_media (
    tenant_id uuid not null references tenants (id),
    message_id uuid not null references messages (id),
    position int not null,
    url text not null,
    content_type text,
    state text not null default 'PENDING' check (state in ('PENDING', 'STORED', 'FAILED')),
    attempts int not null default 0,
    next_try_at timestamptz not null default now(),
    lease_until timestamptz,
    last_error text,
    primary key (tenant_id, message_id, position)
);
create index sms_media_pending_idx on sms_media (next_try_at) where state = 'PENDING';

select tenant_rows('sms_media');
