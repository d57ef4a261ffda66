-- Every versioned row of the TechZone Flyway history, in the order applied (the table is substituted as a quoted, qualified identifier).
select version, description, checksum, success, installed_on
from %s
where version is not null
order by installed_rank
