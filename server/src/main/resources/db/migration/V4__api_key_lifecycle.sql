-- The lifecycle of API keys: scopes, expiry, last use (written in batches, not per request), and
-- the secret before the last roll, which keeps working until its grace period ends.
alter table api_keys
    add column scopes                     text[] not null default '{read,write,manage}',
    add column expires_at                 timestamptz,
    add column last_used_at               timestamptz,
    add column previous_secret_hash       bytea unique,
    add column previous_secret_expires_at timestamptz;

-- pages of an account's keys, newest first (IDs are time-ordered ULIDs)
create index api_keys_account_page on api_keys (account_id, environment, id desc);
