-- Evidence blobs move out of the database into sealed files in the evidence directory
-- (docs/evidence.md). `file_address` is the file's keyed name (a keyed BLAKE3 of the
-- SHA-256, never the plain hash) relative to that directory; null means the blob's
-- sealed chunks are still in `evidence_chunks` (a blob recorded before this migration
-- and not yet moved out with `vigil evidence move-to-files`).
alter table evidence_blobs add column file_address text;
create unique index evidence_blobs_file on evidence_blobs (file_address);

-- (PostgreSQL's 0020 also stores its search vector; SQLite's FTS5 index needs nothing.)
