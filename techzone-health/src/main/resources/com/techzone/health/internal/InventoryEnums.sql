-- The enum types of the schema with their labels in sort order.
select t.typname as type_name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
from pg_type t
join pg_namespace n on n.oid = t.typnamespace
join pg_enum e on e.enumtypid = t.oid
where n.nspname = ?
group by t.typname
order by t.typname
