-- Users of a marketplace gateway (X-RapidAPI-User): each gets an account of its own on first
-- sight, and a key row that no secret opens (its ID carries the user's rate limits and usage).
create table marketplace_users (
    user_name   text primary key,
    account_id  text not null references accounts (id) on delete cascade,
    key_id      text not null references api_keys (id) on delete cascade,
    created_at  timestamptz not null default now()
);
