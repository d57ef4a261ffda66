-- Rows in a ledger's default partition (counted up to a cap) and the span of their created_at; the partition is substituted as a quoted, qualified identifier.
select (select count(*) from (select 1 from %1$s limit 100000) capped) as rows,
       (select min(created_at) from %1$s) as oldest,
       (select max(created_at) from %1$s) as newest
