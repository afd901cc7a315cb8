-- Reports published for observers: a frozen snapshot of a report as of a day (the
-- rendered, redacted content, byte for byte, with its SHA-256), who published it and
-- when. A published report is never edited or deleted; withdrawing it keeps it,
-- marked with who withdrew it, when and why.
create table published_reports (
    report_id integer primary key,
    kind text not null,
    as_of bigint not null,
    title text not null,
    lang text not null,
    content text not null,
    sha256 text not null,
    published_by text not null,
    published_at bigint not null,
    withdrawn_at bigint,
    withdrawn_by text,
    withdrawal_reason text not null default ''
);
create index published_reports_at on published_reports (published_at);

-- The incidents that breach a prohibition or access term: standing ones of a
-- category at a site in a span of time, read (the first few) and counted from the
-- index alone (`retracted_at` is in it so that no table row need be read).
create index incidents_breach on incidents (category, site_id, started_at, retracted_at)
    where retracted_at is null;

-- The visits that feed a presence or frequency term, read from the index alone (it
-- replaces the narrower one of 0009).
create index monitoring_visits_spans on monitoring_visits (organisation_id, site_id, arrival, departure);
drop index monitoring_visits_site;
