-- Duplicate and watch-list matching: the admin's watch list (names sealed, with their
-- name-key blind-index tags), the flags a registrar adjudicates, and the tombstones
-- left by merges (a merged record is never deleted: it points to the one it joined).

create table watchlist (
    watch_id integer primary key,
    name blob not null,
    name_key text not null,
    category text not null,
    note blob,
    created_at bigint not null,
    created_by bigint not null,
    removed_at bigint,
    removed_by bigint
);
create index watchlist_name_key on watchlist (name_key);

-- One flag per unordered pair of people (person_a < person_b), or per person and
-- watch-list entry (person_b null). A decided flag stays: a pair marked distinct is
-- never flagged again.
create table match_flags (
    flag_id integer primary key,
    person_a bigint not null references people (person_id),
    person_b bigint references people (person_id),
    watch_id bigint references watchlist (watch_id),
    reason text not null,
    status text not null default 'open',
    created_at bigint not null,
    decided_at bigint,
    decided_by bigint,
    decided_by_name text,
    decision_reason text
);
create unique index match_flags_pair on match_flags (person_a, person_b);
create unique index match_flags_watch on match_flags (person_a, watch_id);
create index match_flags_b on match_flags (person_b);
create index match_flags_watch_id on match_flags (watch_id);
create index match_flags_status on match_flags (status, flag_id);

create table person_merges (
    person_id bigint primary key references people (person_id),
    into_person_id bigint not null references people (person_id),
    flag_id bigint references match_flags (flag_id),
    merged_at bigint not null,
    merged_by bigint not null,
    merged_by_name text not null,
    reason text not null
);
create index person_merges_into on person_merges (into_person_id);
