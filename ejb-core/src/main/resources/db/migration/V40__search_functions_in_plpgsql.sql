-- The search functions of V39 in PL/pgSQL (docs/performance.md): a SQL-language function that is not inlined
-- (these cannot be: SECURITY DEFINER) is parsed and planned again on every call, with the pattern unknown to the
-- planner; PL/pgSQL keeps its statement prepared for the connection's session and plans it for the actual pattern
-- (PostgreSQL's plan cache). Same arguments, same answer, same privileges (CREATE OR REPLACE keeps the grants).
-- Measured at 50,000 contacts: a search 5.5-7 ms -> 3.6-4.3 ms; a one-letter pattern 162 ms -> 52 ms.
create or replace function contacts_matching(pattern text, digits text) returns setof uuid
    language plpgsql stable security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
begin
    return query
    select id from contacts
     where tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
       and (lower(display_name) like pattern or lower(email) like pattern or phone like digits);
end
$$;

create or replace function work_items_matching(pattern text) returns setof uuid
    language plpgsql stable security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
begin
    return query
    select id from work_items
     where tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
       and lower(title) like pattern;
end
$$;
