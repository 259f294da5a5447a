-- People who log in to Mark's web app. Each user owns one account; the email is kept in lower
-- case, so uniqueness ignores case. Calls made in a session are rate limited and metered under a
-- key row of the account that no secret opens (kind 'session'), one per environment.
alter table api_keys
    add column kind text not null default 'secret' check (kind in ('secret', 'session'));

create table users (
    id             text primary key,
    account_id     text not null unique references accounts (id) on delete cascade,
    email          text not null unique,
    -- Argon2id in its PHC string form (algorithm, parameters, salt and hash)
    password_hash  text not null,
    test_key_id    text not null references api_keys (id),
    live_key_id    text not null references api_keys (id),
    created_at     timestamptz not null default now()
);

-- A session: the chain of refresh tokens that one login starts. Each refresh token works once;
-- presenting a used one revokes the whole family. The CSRF token guards cookie-mode writes.
create table session_families (
    id              text primary key,
    user_id         text not null references users (id) on delete cascade,
    csrf_token      text not null,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    revoked_at      timestamptz,
    revoked_reason  text
);

create index session_families_user on session_families (user_id);

create table refresh_tokens (
    -- SHA-256 of the token: tokens carry 256 random bits, so a fast hash is enough
    token_hash  bytea primary key,
    family_id   text not null references session_families (id) on delete cascade,
    created_at  timestamptz not null default now(),
    used_at     timestamptz
);

create index refresh_tokens_family on refresh_tokens (family_id);

-- Keys that sign access tokens (ES256). The newest signs; older ones still verify the tokens
-- they signed until those expire, so a rotation logs nobody out.
create table signing_keys (
    kid          text primary key,
    private_key  bytea not null,
    public_key   bytea not null,
    created_at   timestamptz not null default now()
);
