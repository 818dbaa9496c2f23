-- Searches under row-level security (issue 18, docs/performance.md). LIKE '%…%' is not leakproof, so under the
-- tenant policy PostgreSQL may not use the trigram indexes for it and reads every row of the business instead
-- (56 ms at 50,000 contacts, against 3 ms with the index). These functions return the ids matching a pattern in
-- the business bound to the transaction (app.tenant_id, exactly as the policy) using the indexes; the
-- application then reads those rows under the policy as before. Never the cross-business scope, nothing else
-- than ids. SECURITY DEFINER: they run as the tables' owner — one that passes the forced policy (superuser or
-- BYPASSRLS) gets the index; any other owner is held by the policy and gets the same ids, only slower.
create function contacts_matching(pattern text, digits text) returns setof uuid
    language sql stable security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
    select id from contacts
     where tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
       and (lower(display_name) like pattern or lower(email) like pattern or phone like digits)
$$;

create function work_items_matching(pattern text) returns setof uuid
    language sql stable security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
    select id from work_items
     where tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
       and lower(title) like pattern
$$;

revoke all on function contacts_matching(text, text), work_items_matching(text) from public;

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') then
        execute format('grant execute on function contacts_matching(text, text), work_items_matching(text) to %I', '${appRole}');
    end if;
end $$;
