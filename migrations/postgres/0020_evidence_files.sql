-- Evidence blobs move out of the database into sealed files in the evidence directory
-- (docs/evidence.md). `file_address` is the file's keyed name (a keyed BLAKE3 of the
-- SHA-256, never the plain hash) relative to that directory; null means the blob's
-- sealed chunks are still in `evidence_chunks` (a blob recorded before this migration
-- and not yet moved out with `vigil evidence move-to-files`).
alter table evidence_blobs add column file_address text;
create unique index evidence_blobs_file on evidence_blobs (file_address);

-- PostgreSQL's half of the search difference, measured with `vigil bench --pg` at
-- 100,000 documents: a query walks its matches newest first along the primary key to
-- find where its window starts (src/store/search.rs), and with the words indexed only
-- as an expression, every row walked recomputed `to_tsvector` (0.6 s for a frequent
-- word). The vector is now stored, computed once per write, and the GIN index is on it.
alter table search_docs
    add column body_tsv tsvector generated always as (to_tsvector('simple', body)) stored;
create index search_docs_tsv on search_docs using gin (body_tsv);
drop index search_docs_body;
