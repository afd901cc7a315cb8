-- The text of a source's document (plain text, a saved web page or a PDF), kept so the
-- source is found by what it says. The file it was taken from stays as evidence on the
-- source (`evidence_id`); a newer import replaces the text, never the file.
create table source_texts (
    source_id bigint primary key references sources (source_id),
    evidence_id bigint not null references evidence_items (evidence_id),
    -- text, html or pdf
    format text not null,
    body text not null,
    imported_at bigint not null,
    imported_by text not null
);

-- Derived copies: a redacted, metadata-stripped, transcoded or excerpted copy of an
-- evidence file is an evidence item of its own (its own blob, hashes and custody),
-- marked here as made from its original, which is never modified.
create table evidence_derivations (
    evidence_id bigint primary key references evidence_items (evidence_id),
    original_id bigint not null references evidence_items (evidence_id),
    -- redacted, metadata_stripped, transcoded, thumbnail or excerpt
    kind text not null,
    note text not null default '',
    created_at bigint not null
);
create index evidence_derivations_original on evidence_derivations (original_id);
