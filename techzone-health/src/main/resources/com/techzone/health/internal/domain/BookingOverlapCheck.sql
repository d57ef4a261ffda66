-- Pairs of active (pending/confirmed) bookings of one service whose time ranges overlap; at most 50.
select a.id as first_id, b.id as second_id, a.service_id, a.starts_at as first_starts, a.ends_at as first_ends,
       b.starts_at as second_starts, b.ends_at as second_ends, count(*) over () as total_count
from {schema}.bookings a
join {schema}.bookings b on b.service_id = a.service_id and a.id < b.id
 and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
where a.status in ('pending', 'confirmed') and b.status in ('pending', 'confirmed')
order by a.starts_at
limit 50
