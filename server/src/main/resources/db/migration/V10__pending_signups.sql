-- Signups waiting for their email to be confirmed. Signup answers the same whether or not the
-- email has a user (so that it does not tell who is registered); the user is only created when
-- the token sent to the mailbox comes back. Only the token's hash is kept, with the password's
-- Argon2id hash, never the password. A token works once: used_at is set by its confirmation.
create table pending_signups (
    -- SHA-256 of the token: tokens carry 256 random bits, so a fast hash is enough
    token_hash     bytea primary key,
    email          text not null,
    password_hash  text not null,
    account_name   text not null,
    created_at     timestamptz not null default now(),
    expires_at     timestamptz not null,
    used_at        timestamptz
);

create index pending_signups_expires_at on pending_signups (expires_at);
