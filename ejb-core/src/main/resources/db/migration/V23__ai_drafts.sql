-- Text-to-Task drafts (issue 15, docs/text-to-task.md): draft_payload holds what was read with how sure each
-- field is; suggested_payload the reading before anyone edited it (edits are compared field by field against
-- it); then the conversation a message's draft belongs to, the ops review (sent to QC, claimed by, reviewed
-- when) and when it was applied.
alter table ai_drafts
    add column suggested_payload jsonb,
    add column extractor text not null default 'rules',
    add column parse_millis integer check (parse_millis is null or parse_millis >= 0),
    add column conversation_id uuid references conversations (id),
    add column qc_requested_at timestamptz,
    add column reviewer_id uuid references users (id),
    add column reviewed_at timestamptz,
    add column applied_at timestamptz;

-- One open draft per source: "Turn into…" twice on the same message opens the same draft.
create unique index ai_drafts_open_source_idx on ai_drafts (tenant_id, source_type, source_id)
    where status in ('PENDING_QC', 'APPROVED') and source_id is not null and deleted_at is null;
create index ai_drafts_tenant_conversation_idx on ai_drafts (tenant_id, conversation_id);
create index ai_drafts_qc_idx on ai_drafts (qc_requested_at)
    where status in ('PENDING_QC', 'APPROVED') and qc_requested_at is not null;
