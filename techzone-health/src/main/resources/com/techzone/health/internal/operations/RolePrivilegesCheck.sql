-- The privileges of the role this session runs as: superuser, BYPASSRLS, CREATEROLE.
select rolname, rolsuper, rolbypassrls, rolcreaterole
from pg_roles
where rolname = current_user
