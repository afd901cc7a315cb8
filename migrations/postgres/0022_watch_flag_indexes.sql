-- Watch-list flags are few; pair flags are most flags, and their watch_id is always
-- null. Indexing only the rows that have a watch-list entry keeps the same uniqueness
-- (nulls never collide) and spares every pair flag two index writes, one of them at a
-- random place (person_a): at hundreds of thousands of flags, the pages an import
-- dirties in these indexes were a share of its write-ahead log.
create unique index match_flags_watch_only on match_flags (person_a, watch_id) where watch_id is not null;
create index match_flags_watch_id_only on match_flags (watch_id) where watch_id is not null;
drop index match_flags_watch;
drop index match_flags_watch_id;
