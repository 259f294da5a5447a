-- Exactly-once across crashes: an idempotent request's record is now written in the same
-- transaction as its work, with its response, so a row always has one. A claim without a
-- response was a request of the previous version in flight (or dead): it wrote nothing that
-- committed with it, so forgetting it lets its retry run.
delete from idempotency_keys where status is null;
alter table idempotency_keys alter column status set not null;
-- The response of a request that showed a secret (an API key's) is not kept: only its status
-- and Location, so that a retry learns what was made without the secret ever being at rest.
alter table idempotency_keys add column secret_withheld boolean not null default false;

-- How a session's refresh tokens travel: 'cookie' (a browser; tabs may refresh at once with the
-- same token, so reuse within a short grace is allowed) or 'body' (never reused). Sessions
-- started before this column existed get no grace: at worst, racing tabs end such a session.
alter table session_families add column mode text not null default 'body'
    check (mode in ('body', 'cookie'));
alter table session_families alter column mode drop default;
