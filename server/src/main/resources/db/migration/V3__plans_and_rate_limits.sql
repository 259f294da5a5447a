-- Each account is on one plan of the plans configuration (plans.json or MARK_PLANS_FILE); the
-- plan sets the rate limits and monthly quota of the account's keys.
alter table accounts add column plan_id text not null default 'free';

-- Bucket4j's token buckets when MARK_RATE_LIMIT_BACKEND=postgres, shared by every node. The id is
-- a 64-bit hash of (key, plan, month); the state is Bucket4j's own serialised form.
create table rate_limit_buckets (
    id          bigint primary key,
    state       bytea,
    expires_at  bigint
);
