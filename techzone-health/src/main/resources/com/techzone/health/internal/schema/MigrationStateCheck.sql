-- Failed rows of the TechZone Flyway history table (schema and table are substituted as quoted identifiers).
select version, description, installed_on
from %s
where not success
order by installed_rank
