-- Other schemas holding TechZone tables (at least 7 of the 13), most first: where the caller may have meant to look.
select n.nspname as schema_name, count(*) as tables
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and c.relname = any (?) and n.nspname <> ?
group by n.nspname
having count(*) >= 7
order by count(*) desc, n.nspname
limit 3
