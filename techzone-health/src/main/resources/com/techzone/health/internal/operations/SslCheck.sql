-- Whether this session is encrypted, and whether it comes from a local address (socket or loopback).
select coalesce(s.ssl, false) as ssl, s.version,
       inet_client_addr() is null or host(inet_client_addr()) in ('127.0.0.1', '::1') as local_client
from pg_stat_ssl s
where s.pid = pg_backend_pid()
