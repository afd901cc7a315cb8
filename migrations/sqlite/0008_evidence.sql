-- Evidence files. The bytes are stored once per content (`evidence_blobs`, keyed by
-- SHA-256), sealed chunk by chunk under the data key; each upload of them is an
-- `evidence_items` row with its capture record, attached to an incident, a source or
-- a claim. The original is never modified: there is no update path for either table.
-- Custody (receipt, views, downloads) is the audit trail's entries on the item.

create table evidence_blobs (
    blob_id integer primary key,
    sha256 text not null unique,
    blake3 text not null,
    size_bytes bigint not null,
    media_type text not null,
    -- Random name bound into every chunk's associated data, so chunks cannot be moved
    -- between blobs or reordered without failing to open.
    blob_ref text not null unique,
    chunks bigint not null,
    created_at bigint not null
);

create table evidence_chunks (
    blob_id bigint not null references evidence_blobs (blob_id),
    chunk_no bigint not null,
    sealed blob not null,
    primary key (blob_id, chunk_no)
);

create table evidence_items (
    evidence_id integer primary key,
    blob_id bigint not null references evidence_blobs (blob_id),
    target_type text not null,
    target_id bigint not null,
    file_name text not null,
    received_on text not null,
    received_how text not null,
    -- Who handed it over may name a witness: sealed like personal data.
    received_from_enc blob not null,
    -- The account at the time of receipt, by id and by name (the record keeps who,
    -- even if the account is later renamed).
    received_by bigint not null,
    received_by_name text not null,
    received_at bigint not null
);
create index evidence_items_target on evidence_items (target_type, target_id);

-- Full-text search over sources, claims and incidents (never personal data). `body`
-- holds the text already normalised and split into words by vigil (src/domain/
-- search.rs), so both backends index the same words; the filters are copied beside it.
create table search_docs (
    search_id integer primary key,
    doc_type text not null,
    doc_id bigint not null,
    -- A claim's incident (its page is where a claim is read).
    parent_id bigint,
    title text not null,
    -- The text as written, for snippets.
    content text not null,
    body text not null,
    day bigint,
    site_id bigint,
    category text not null default '',
    grade text not null default '',
    language text not null default '',
    unique (doc_type, doc_id)
);

-- SQLite's half of the one difference: an FTS5 index over `body`, kept in step by
-- triggers. vigil has already normalised the words; the tokenizer only splits them.
create virtual table search_fts using fts5(
    body, content = 'search_docs', content_rowid = 'search_id',
    tokenize = 'unicode61 remove_diacritics 0'
);
create trigger search_docs_ai after insert on search_docs begin
    insert into search_fts (rowid, body) values (new.search_id, new.body);
end;
create trigger search_docs_ad after delete on search_docs begin
    insert into search_fts (search_fts, rowid, body) values ('delete', old.search_id, old.body);
end;
