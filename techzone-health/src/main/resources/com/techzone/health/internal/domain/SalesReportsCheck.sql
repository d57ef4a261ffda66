-- Recent closed days with orders (in the report zone) that have no daily sales report, or one generated before the day's last order change.
with days as (
    select (o.created_at at time zone ?)::date as day, count(*) as orders, max(o.updated_at) as last_change
    from {schema}.orders o
    where o.created_at >= ((now() at time zone ?)::date - ?::int) at time zone ?
      and o.created_at < ((now() at time zone ?)::date) at time zone ?
    group by 1
)
select d.day, d.orders, r.generated_at, d.last_change
from days d
left join {schema}.sales_reports r on r.granularity = 'day' and r.period_start = d.day
where r.id is null or r.generated_at < d.last_change
order by d.day
