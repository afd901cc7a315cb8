-- What the timeline needs, stored on the incident so that it is one SQL aggregate:
-- the period it falls in ('2013-12', or '2013' when only the year is known), its
-- verification as computed from its claims (unverified, corroborated, verified), the
-- best reliability grade among its sources, the independent voices behind it and its
-- claims. They are derived facts, never typed: the action layer recomputes them in the
-- transaction of every change to a claim, a source, a grade or the verification.
-- `derived_at` is null until they have been computed (rows of earlier versions are
-- computed when the store is opened).
--
-- Retraction, not deletion: an incident, a source or a claim found to be wrong is
-- retracted with who, when and why; it stays in the record (and its page says so) but
-- no longer counts in lists, the timeline, corroboration or exports.

alter table incidents add column period text not null default '';
alter table incidents add column status text not null default 'unverified';
alter table incidents add column best_grade text;
alter table incidents add column voices bigint not null default 0;
alter table incidents add column claim_count bigint not null default 0;
alter table incidents add column derived_at bigint;
alter table incidents add column retracted_at bigint;
alter table incidents add column retracted_by text;
alter table incidents add column retraction_reason text not null default '';
create index incidents_period on incidents (period, category);
create index incidents_stale on incidents (derived_at);

alter table sources add column retracted_at bigint;
alter table sources add column retracted_by text;
alter table sources add column retraction_reason text not null default '';

alter table claims add column retracted_at bigint;
alter table claims add column retracted_by text;
alter table claims add column retraction_reason text not null default '';

-- Earlier versions: what an incident, a source or an organisation said before each
-- correction, as JSON, with who changed it and when. The audit trail proves that a
-- change happened (its details only as an HMAC, since elsewhere they may hold personal
-- data); the documentation record holds none, so its earlier versions are kept in
-- clear, to be read beside the current one.
create table revisions (
    revision_id integer primary key,
    object_type text not null,
    object_id bigint not null,
    action text not null,
    before text not null,
    revised_by text not null,
    revised_at bigint not null
);
create index revisions_object on revisions (object_type, object_id, revision_id);
