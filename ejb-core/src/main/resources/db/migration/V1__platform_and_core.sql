-- SMB Hub V1: platform tables and the core business tables (PRD 2.1, 12.8).
-- Every business table carries tenant_id NOT NULL and leads its indexes with it.

create table tenants (
    id uuid primary key,
    external_org_id text not null unique,
    name text not null,
    profile_id text not null default 'general',
    timezone text not null default 'UTC',
    currency char(3) not null default 'USD',
    settings_json jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);

create table users (
    id uuid primary key,
    email text not null,
    display_name text not null,
    password_hash text,
    platform_role text check (platform_role in ('OPS')),
    status text not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
    failed_logins int not null default 0,
    locked_until timestamptz,
    last_login_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz,
    version bigint not null default 0
);
create unique index users_email_uq on users (lower(email));

create table tenant_members (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    user_id uuid not null references users (id),
    role text not null check (role in ('OWNER', 'ADMIN', 'STAFF', 'AGENT', 'VIEWER')),
    status text not null default 'ACTIVE' check (status in ('ACTIVE', 'INVITED', 'DISABLED')),
    last_seen_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0,
    unique (tenant_id, user_id)
);
create index tenant_members_user_idx on tenant_members (user_id);

create table profiles (
    id uuid primary key,
    profile_key text not null,
    version int not null,
    definition jsonb not null,
    created_at timestamptz not null default now(),
    unique (profile_key, version)
);

create table tenant_profile_overrides (
    id uuid primary key,
    tenant_id uuid not null references tenants (id) unique,
    overrides jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    version bigint not null default 0
);

-- tenant_id is null only for platform events that happen before a business is chosen (sign-in).
create table audit_log (
    id uuid primary key,
    tenant_id uuid references tenants (id),
    actor_user_id text,
    action text not null,
    entity_type text,
    entity_id text,
    before jsonb,
    after jsonb,
    ip_address text,
    request_id text,
    created_at timestamptz not null default now()
);
create index audit_log_tenant_created_idx on audit_log (tenant_id, created_at);
create index audit_log_entity_idx on audit_log (tenant_id, entity_type, entity_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

create table idempotency_keys (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    endpoint text not null,
    idem_key text not null,
    request_hash text not null,
    response_status int,
    response_body jsonb,
    object_id uuid,
    created_at timestamptz not null default now(),
    unique (tenant_id, endpoint, idem_key)
);

create table analytics_events (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    event_name text not null,
    occurred_at timestamptz not null,
    user_id text,
    role text,
    profile_id text,
    platform text,
    source text,
    session_id text,
    request_id text,
    properties jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now()
);
create index analytics_events_tenant_name_idx on analytics_events (tenant_id, event_name, occurred_at);
create index analytics_events_tenant_created_idx on analytics_events (tenant_id, created_at);

create table contacts (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    type text not null default 'CUSTOMER' check (type in ('CUSTOMER', 'VENDOR', 'LEAD', 'OTHER')),
    display_name text not null,
    company_name text,
    email text,
    phone text,
    address_line1 text,
    address_line2 text,
    city text,
    region text,
    postal_code text,
    country text,
    tags text[] not null default '{}',
    notes text,
    status text not null default 'ACTIVE' check (status in ('ACTIVE', 'ARCHIVED')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);
create index contacts_tenant_created_idx on contacts (tenant_id, created_at);
create index contacts_tenant_updated_idx on contacts (tenant_id, updated_at);
create index contacts_tenant_type_idx on contacts (tenant_id, type);
create index contacts_tenant_phone_idx on contacts (tenant_id, phone);
create index contacts_tenant_email_idx on contacts (tenant_id, email);
create index contacts_tenant_name_idx on contacts (tenant_id, display_name);

create table conversations (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    channel text not null check (channel in ('EMAIL', 'SMS', 'WHATSAPP', 'WEB_PORTAL')),
    external_thread_id text,
    contact_id uuid references contacts (id),
    subject text,
    last_message_at timestamptz,
    status text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    assigned_to uuid references users (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);
create index conversations_tenant_created_idx on conversations (tenant_id, created_at);
create index conversations_tenant_updated_idx on conversations (tenant_id, updated_at);
create index conversations_tenant_status_idx on conversations (tenant_id, status, last_message_at);
create index conversations_tenant_assigned_idx on conversations (tenant_id, assigned_to);
create index conversations_tenant_thread_idx on conversations (tenant_id, channel, external_thread_id);

create table messages (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    conversation_id uuid not null references conversations (id),
    direction text not null check (direction in ('INBOUND', 'OUTBOUND')),
    from_address text,
    to_address text,
    body_text text,
    body_html text,
    attachments_count int not null default 0,
    provider_message_id text,
    sent_at timestamptz,
    received_at timestamptz,
    ai_parsed_status text check (ai_parsed_status in ('PENDING', 'DONE', 'FAILED')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);
create index messages_tenant_created_idx on messages (tenant_id, created_at);
create index messages_tenant_updated_idx on messages (tenant_id, updated_at);
create index messages_tenant_conversation_idx on messages (tenant_id, conversation_id, created_at);
create unique index messages_tenant_provider_uq on messages (tenant_id, provider_message_id)
    where provider_message_id is not null;

create table work_items (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    type text not null default 'REQUEST'
        check (type in ('REQUEST', 'ORDER', 'JOB', 'SUPPORT', 'ADMIN', 'COLLECTION', 'BOOKKEEPING')),
    title text not null,
    description text,
    status text not null default 'NEW'
        check (status in ('NEW', 'IN_PROGRESS', 'NEEDS_APPROVAL', 'WAITING', 'DONE', 'CANCELED')),
    priority text not null default 'NORMAL' check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    contact_id uuid references contacts (id),
    conversation_id uuid references conversations (id),
    due_at timestamptz,
    assigned_to uuid references users (id),
    source text not null default 'MANUAL' check (source in ('INBOX', 'PORTAL', 'MANUAL', 'POS_SYNC', 'AI')),
    labels_json jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);
create index work_items_tenant_created_idx on work_items (tenant_id, created_at);
create index work_items_tenant_updated_idx on work_items (tenant_id, updated_at);
create index work_items_tenant_status_idx on work_items (tenant_id, status);
create index work_items_tenant_type_idx on work_items (tenant_id, type);
create index work_items_tenant_assigned_idx on work_items (tenant_id, assigned_to);
create index work_items_tenant_due_idx on work_items (tenant_id, due_at);
create index work_items_tenant_contact_idx on work_items (tenant_id, contact_id);

create table quotes (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    quote_number text not null,
    status text not null default 'DRAFT'
        check (status in ('DRAFT', 'SENT', 'APPROVED', 'REJECTED', 'EXPIRED', 'CONVERTED')),
    contact_id uuid not null references contacts (id),
    work_item_id uuid references work_items (id),
    issue_date date not null,
    expiry_date date,
    currency char(3) not null,
    subtotal numeric(19, 4) not null default 0,
    tax_total numeric(19, 4) not null default 0,
    discount_total numeric(19, 4) not null default 0,
    total numeric(19, 4) not null default 0,
    notes text,
    terms text,
    line_items jsonb not null default '[]'::jsonb,
    converted_invoice_id uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0,
    unique (tenant_id, quote_number),
    check (expiry_date is null or expiry_date >= issue_date)
);
create index quotes_tenant_created_idx on quotes (tenant_id, created_at);
create index quotes_tenant_updated_idx on quotes (tenant_id, updated_at);
create index quotes_tenant_status_idx on quotes (tenant_id, status);
create index quotes_tenant_contact_idx on quotes (tenant_id, contact_id);

create table invoices (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    invoice_number text not null,
    status text not null default 'DRAFT'
        check (status in ('DRAFT', 'SENT', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'VOID')),
    contact_id uuid not null references contacts (id),
    quote_id uuid references quotes (id),
    work_item_id uuid references work_items (id),
    issue_date date not null,
    due_date date not null,
    currency char(3) not null,
    subtotal numeric(19, 4) not null default 0,
    tax_total numeric(19, 4) not null default 0,
    discount_total numeric(19, 4) not null default 0,
    total numeric(19, 4) not null default 0,
    amount_paid numeric(19, 4) not null default 0,
    amount_due numeric(19, 4) not null default 0,
    notes text,
    terms text,
    line_items jsonb not null default '[]'::jsonb,
    payment_link_url text,
    last_sent_at timestamptz,
    ar_stage text not null default 'NONE'
        check (ar_stage in ('NONE', 'REMINDER_1', 'REMINDER_2', 'FINAL', 'COLLECTIONS')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0,
    unique (tenant_id, invoice_number),
    check (due_date >= issue_date)
);
alter table quotes add constraint quotes_converted_invoice_fk
    foreign key (converted_invoice_id) references invoices (id);
create index invoices_tenant_created_idx on invoices (tenant_id, created_at);
create index invoices_tenant_updated_idx on invoices (tenant_id, updated_at);
create index invoices_tenant_status_due_idx on invoices (tenant_id, status, due_date);
create index invoices_tenant_contact_idx on invoices (tenant_id, contact_id);
create index invoices_tenant_work_item_idx on invoices (tenant_id, work_item_id);

create table payments (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    invoice_id uuid not null references invoices (id),
    provider text not null check (provider in ('STRIPE', 'CASH', 'BANK', 'OTHER')),
    provider_payment_id text,
    status text not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED')),
    amount numeric(19, 4) not null check (amount > 0),
    currency char(3) not null,
    paid_at timestamptz,
    method_label text,
    receipt_url text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);
create unique index payments_tenant_provider_uq on payments (tenant_id, provider, provider_payment_id)
    where provider_payment_id is not null;
create index payments_tenant_created_idx on payments (tenant_id, created_at);
create index payments_tenant_updated_idx on payments (tenant_id, updated_at);
create index payments_tenant_invoice_idx on payments (tenant_id, invoice_id);
create index payments_tenant_paid_idx on payments (tenant_id, paid_at);

create table files (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    storage_provider text not null check (storage_provider in ('LOCAL', 'S3', 'R2')),
    bucket text,
    object_key text not null,
    file_name text not null,
    mime_type text not null,
    size_bytes bigint not null check (size_bytes >= 0),
    checksum_sha256 text,
    linked_entity_type text
        check (linked_entity_type in ('CONTACT', 'WORK_ITEM', 'MESSAGE', 'QUOTE', 'INVOICE', 'EXPENSE', 'TEMPLATE')),
    linked_entity_id uuid,
    uploaded_by uuid references users (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);
create index files_tenant_created_idx on files (tenant_id, created_at);
create index files_tenant_updated_idx on files (tenant_id, updated_at);
create index files_tenant_linked_idx on files (tenant_id, linked_entity_type, linked_entity_id);

create table expenses (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    source text not null default 'MANUAL' check (source in ('UPLOAD', 'EMAIL_FORWARD', 'MANUAL', 'AI')),
    vendor_contact_id uuid references contacts (id),
    expense_date date,
    amount numeric(19, 4),
    currency char(3),
    category text,
    tax_total numeric(19, 4),
    notes text,
    receipt_file_id uuid references files (id),
    ai_confidence double precision check (ai_confidence is null or (ai_confidence >= 0 and ai_confidence <= 1)),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);
create index expenses_tenant_created_idx on expenses (tenant_id, created_at);
create index expenses_tenant_updated_idx on expenses (tenant_id, updated_at);
create index expenses_tenant_status_idx on expenses (tenant_id, status);
create index expenses_tenant_date_idx on expenses (tenant_id, expense_date);

create table templates (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    type text not null check (type in ('INVOICE', 'QUOTE', 'MESSAGE', 'CHECKLIST', 'OTHER')),
    name text not null,
    content text,
    is_default boolean not null default false,
    profile_scopes text[] not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);
create index templates_tenant_created_idx on templates (tenant_id, created_at);
create index templates_tenant_updated_idx on templates (tenant_id, updated_at);
create index templates_tenant_type_idx on templates (tenant_id, type);

create table ai_drafts (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    source_type text not null check (source_type in ('MESSAGE', 'FILE', 'MANUAL')),
    source_id uuid,
    intent text not null check (intent in
        ('CREATE_WORK_ITEM', 'DRAFT_QUOTE', 'DRAFT_INVOICE', 'DRAFT_EXPENSE', 'DRAFT_AR_MESSAGE')),
    draft_payload jsonb not null default '{}'::jsonb,
    confidence double precision check (confidence is null or (confidence >= 0 and confidence <= 1)),
    status text not null default 'PENDING_QC' check (status in ('PENDING_QC', 'APPROVED', 'REJECTED', 'APPLIED')),
    reviewed_by uuid references users (id),
    review_notes text,
    applied_entity_type text,
    applied_entity_id uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);
create index ai_drafts_tenant_created_idx on ai_drafts (tenant_id, created_at);
create index ai_drafts_tenant_updated_idx on ai_drafts (tenant_id, updated_at);
create index ai_drafts_status_idx on ai_drafts (status, created_at);
create index ai_drafts_tenant_source_idx on ai_drafts (tenant_id, source_type, source_id);

create table portal_tokens (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    document_type text not null check (document_type in ('INVOICE', 'QUOTE')),
    document_id uuid not null,
    recipient text,
    token_hash text not null unique,
    expires_at timestamptz,
    revoked_at timestamptz,
    last_used_at timestamptz,
    created_at timestamptz not null default now(),
    created_by text
);
create index portal_tokens_tenant_document_idx on portal_tokens (tenant_id, document_type, document_id);

-- tenant_id is resolved after the signed event is stored (persist first), so it may be null at first.
create table webhook_events (
    id uuid primary key,
    tenant_id uuid references tenants (id),
    provider text not null,
    provider_event_id text not null,
    event_type text not null,
    payload jsonb not null,
    status text not null default 'RECEIVED' check (status in ('RECEIVED', 'PROCESSED', 'FAILED', 'IGNORED')),
    attempts int not null default 0,
    next_attempt_at timestamptz,
    last_error text,
    received_at timestamptz not null default now(),
    processed_at timestamptz,
    unique (provider, provider_event_id)
);
create index webhook_events_status_idx on webhook_events (status, next_attempt_at);

create table integration_connections (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    provider text not null,
    status text not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED', 'ERROR', 'DISCONNECTED')),
    config_json jsonb not null default '{}'::jsonb,
    credentials_ref text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    version bigint not null default 0,
    unique (tenant_id, provider)
);

create table external_entity_map (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    provider text not null,
    entity_type text not null,
    external_id text not null,
    internal_id uuid not null,
    created_at timestamptz not null default now(),
    unique (tenant_id, provider, entity_type, external_id)
);

create table sync_cursors (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    provider text not null,
    entity_type text not null,
    cursor_value text,
    updated_at timestamptz not null default now(),
    unique (tenant_id, provider, entity_type)
);
