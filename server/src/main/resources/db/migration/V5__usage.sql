-- Calls per key per hour, written in batches from counters kept in memory (see UsageMeter):
-- a crash loses at most one flush interval of counts.
create table usage_hourly (
    key_id         text not null references api_keys (id) on delete cascade,
    account_id     text not null references accounts (id) on delete cascade,
    environment    text not null,
    hour           timestamptz not null,
    successes      bigint not null default 0,
    client_errors  bigint not null default 0,
    rate_limited   bigint not null default 0,
    server_errors  bigint not null default 0,
    units          bigint not null default 0,
    primary key (key_id, hour)
);

create index usage_hourly_account on usage_hourly (account_id, environment, hour);
