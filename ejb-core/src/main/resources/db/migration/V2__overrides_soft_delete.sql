-- tenant_profile_overrides becomes an ordinary editable business record (soft delete like the others).
alter table tenant_profile_overrides add column deleted_at timestamptz;
create index profiles_key_version_idx on profiles (profile_key, version desc);
