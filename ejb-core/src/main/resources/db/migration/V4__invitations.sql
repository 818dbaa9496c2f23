-- Team invitations (Settings -> Team): one row per invitation sent; only the token's hash is kept.
create table invitations (
    id uuid primary key,
    tenant_id uuid not null references tenants (id),
    member_id uuid not null references tenant_members (id),
    email text not null,
    role text not null check (role in ('OWNER', 'ADMIN', 'STAFF', 'AGENT', 'VIEWER')),
    token_hash text not null unique,
    expires_at timestamptz not null,
    accepted_at timestamptz,
    revoked_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by text,
    deleted_at timestamptz,
    version bigint not null default 0
);
create index invitations_tenant_created_idx on invitations (tenant_id, created_at);
create index invitations_tenant_member_idx on invitations (tenant_id, member_id);
