-- A work item's notes become a draft quote, invoice or expense of that work item (issue 15, docs/text-to-task.md):
-- source_type WORK_ITEM, source_id the work item; one open draft per work item by ai_drafts_open_source_idx.
alter table ai_drafts drop constraint ai_drafts_source_type_check;
alter table ai_drafts add constraint ai_drafts_source_type_check
    check (source_type in ('MESSAGE', 'FILE', 'MANUAL', 'WORK_ITEM'));
