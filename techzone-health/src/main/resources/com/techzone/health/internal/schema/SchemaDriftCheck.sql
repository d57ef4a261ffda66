-- Every object of the schema not owned by an extension (kind, name, detail), to compare with what the migrations create.
with ns as (select oid from pg_namespace where nspname = ?),
     history as (select ?::text as name)
select 'table' as kind, c.relname as name, '' as detail
from pg_class c
where c.relnamespace = (select oid from ns) and c.relkind in ('r', 'p', 'v', 'm', 'f')
  and c.relname <> (select name from history)
  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
union all
select 'column', c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod)
from pg_attribute a
join pg_class c on c.oid = a.attrelid
where c.relnamespace = (select oid from ns) and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
  and c.relname <> (select name from history)
union all
select 'index', ic.relname, tc.relname
from pg_index i
join pg_class ic on ic.oid = i.indexrelid
join pg_class tc on tc.oid = i.indrelid
where tc.relnamespace = (select oid from ns) and tc.relname <> (select name from history)
union all
select 'constraint', con.conname, rel.relname
from pg_constraint con
join pg_class rel on rel.oid = con.conrelid
where rel.relnamespace = (select oid from ns) and rel.relname <> (select name from history) and con.contype <> 'n'
union all
select 'type', t.typname, t.typtype::text
from pg_type t
where t.typnamespace = (select oid from ns) and t.typtype in ('e', 'd', 'c')
  and (t.typtype <> 'c' or exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c'))
  and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
union all
select 'function', p.proname, pg_get_function_identity_arguments(p.oid)
from pg_proc p
where p.pronamespace = (select oid from ns)
  and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
union all
select 'trigger', tg.tgname, c.relname
from pg_trigger tg
join pg_class c on c.oid = tg.tgrelid
where c.relnamespace = (select oid from ns) and not tg.tgisinternal
union all
select 'extension', e.extname, ''
from pg_extension e
where e.extnamespace = (select oid from ns)
order by 1, 2
