-- Global search (Ctrl+K) finds work items by a title fragment: trigram index like the contacts'.
create index work_items_title_trgm_idx on work_items using gin (lower(title) gin_trgm_ops);
