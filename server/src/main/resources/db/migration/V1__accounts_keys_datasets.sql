-- Accounts own everything; an API key acts for one account in one environment.
create table accounts (
    id          text primary key,
    name        text not null,
    created_at  timestamptz not null default now()
);

create table api_keys (
    id           text primary key,
    account_id   text not null references accounts (id) on delete cascade,
    environment  text not null check (environment in ('test', 'live')),
    name         text not null,
    -- SHA-256 of the whole key: keys are long random strings, so a fast hash is enough
    secret_hash  bytea not null unique,
    -- the first characters of the key, to tell keys apart in lists and logs
    hint         text not null,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz
);

create index api_keys_account on api_keys (account_id);

-- The catalogue of datasets; each one's rows live in a typed table of their own in the
-- "dataset_rows" schema, created and dropped in the same transaction as its row here.
create schema dataset_rows;

create table datasets (
    id           text primary key,
    account_id   text not null references accounts (id) on delete cascade,
    environment  text not null check (environment in ('test', 'live')),
    name         text not null,
    description  text,
    columns      jsonb not null,
    table_name   text not null unique,
    row_count    bigint not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);

-- pages of an account's datasets, newest first (IDs are time-ordered ULIDs)
create index datasets_account_page on datasets (account_id, environment, id desc);

-- Responses to POSTs sent with an Idempotency-Key, replayed on a retry for 24 hours.
create table idempotency_keys (
    account_id     text not null references accounts (id) on delete cascade,
    environment    text not null,
    key            text not null,
    operation_id   text not null,
    request_hash   bytea not null,
    -- null while the first request is in progress
    status         integer,
    response_body  bytea,
    location       text,
    created_at     timestamptz not null default now(),
    primary key (account_id, environment, key)
);

create index idempotency_keys_created on idempotency_keys (created_at);
