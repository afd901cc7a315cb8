-- The foundation: accounts, sessions, API tokens, the keyring, the audit trail.
-- Times are milliseconds since the Unix epoch (UTC), as bigint, in both backends.
-- Personal fields are XChaCha20-Poly1305 ciphertext (blob); see docs/keys.md.

create table users (
    user_id integer primary key,
    username text not null unique,
    role text not null,
    disabled bigint not null default 0,
    password_hash text not null,
    full_name blob,
    contact blob,
    name_index text,
    lang text not null default 'en',
    created_at bigint not null,
    updated_at bigint not null,
    password_changed_at bigint not null
);
create index users_name_index on users (name_index);

create table sessions (
    session_hash text primary key,
    user_id bigint not null references users (user_id) on delete cascade,
    csrf_token text not null,
    created_at bigint not null,
    last_seen_at bigint not null
);
create index sessions_user on sessions (user_id);

create table api_tokens (
    token_id integer primary key,
    user_id bigint not null references users (user_id) on delete cascade,
    name text not null,
    token_hash text not null unique,
    prefix text not null,
    created_at bigint not null,
    expires_at bigint,
    last_used_at bigint,
    revoked_at bigint
);
create index api_tokens_user on api_tokens (user_id);

create table keyring (
    purpose text primary key,
    wrapped blob not null,
    created_at bigint not null,
    wrapped_at bigint not null
);

create table settings (
    name text primary key,
    value text not null
);

create table audit_log (
    seq bigint primary key,
    at bigint not null,
    actor_id bigint not null,
    actor text not null,
    action text not null,
    object_type text not null,
    object_id text not null,
    summary text not null,
    details_mac text not null,
    prev_hash text not null,
    hash text not null
);
create index audit_log_object on audit_log (object_type, object_id, seq);
create index audit_log_actor on audit_log (actor, seq);
create index audit_log_action on audit_log (action, seq);

-- One row: the last entry's seq and hash. Every write transaction updates this row
-- first, which serialises writers on both backends (see store/mod.rs).
create table audit_head (
    id bigint primary key check (id = 1),
    seq bigint not null,
    hash text not null
);
insert into audit_head (id, seq, hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table audit_checkpoints (
    seq bigint primary key,
    hash text not null,
    at bigint not null,
    key text not null,
    sig text not null
);
