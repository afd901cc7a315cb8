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
