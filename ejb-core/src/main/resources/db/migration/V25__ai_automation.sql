-- Text-to-Task automation a business turns on (issue 15, docs/text-to-task.md): new inbound messages read into
-- drafts by themselves; a draft applied by itself when its reading is at least this sure (null: never). Applying
-- makes drafts only; nothing is sent, charged or messaged. auto_applied marks drafts applied without a person.
alter table tenants
    add column ai_auto_draft boolean not null default false,
    add column ai_auto_apply_at numeric(3, 2) check (ai_auto_apply_at is null or ai_auto_apply_at between 0.5 and 1);

alter table ai_drafts
    add column auto_applied boolean not null default false;
