-- Incidents, the parties alleged to be behind them, the sources that speak of them and
-- the claims each source makes, graded. Claims are never merged: every figure stays
-- attributed to its source, and the figure the record accepts is kept apart with its
-- reason. Times are epoch milliseconds of the start of the period their precision
-- names (exact, day, month, year). People appear by id only (pages show their code).

create table organisations (
    organisation_id integer primary key,
    name text not null,
    kind text not null,
    created_at bigint not null,
    updated_at bigint not null
);

-- Every spelling of an organisation's name, in any script, with its name key: the
-- same key for spellings that differ only in transliteration (Qods = Quds).
create table organisation_aliases (
    alias_id integer primary key,
    organisation_id bigint not null references organisations (organisation_id) on delete cascade,
    alias text not null,
    name_key text not null,
    created_at bigint not null,
    unique (organisation_id, alias)
);
create index organisation_aliases_key on organisation_aliases (name_key);

create table sources (
    source_id integer primary key,
    kind text not null,
    title text not null,
    publisher_id bigint references organisations (organisation_id),
    author text not null default '',
    published_on bigint,
    language text not null default '',
    url text not null default '',
    affiliation text not null,
    aligned_with_id bigint references organisations (organisation_id),
    reliability text not null,
    reliability_reason text not null,
    created_at bigint not null,
    updated_at bigint not null
);

create table incidents (
    incident_id integer primary key,
    title text not null,
    category text not null,
    started_at bigint not null,
    start_precision text not null,
    ended_at bigint,
    end_precision text,
    site_id bigint references sites (site_id),
    place text not null default '',
    lat real,
    lon real,
    geo_precision text not null,
    description text not null default '',
    verification text not null default 'unverified',
    verification_by text,
    verification_reason text not null default '',
    verification_at bigint,
    created_at bigint not null,
    updated_at bigint not null
);
create index incidents_started on incidents (started_at);
create index incidents_category on incidents (category, started_at);
create index incidents_site on incidents (site_id, started_at);

-- What was done to whom: a registered person (by id), or a count of victims by sex
-- and age band.
create table incident_acts (
    act_id integer primary key,
    incident_id bigint not null references incidents (incident_id) on delete cascade,
    act text not null,
    person_id bigint references people (person_id),
    victims bigint,
    sex text not null default 'unknown',
    age_band text not null default 'unknown',
    created_at bigint not null
);
create index incident_acts_incident on incident_acts (incident_id, act_id);
create index incident_acts_person on incident_acts (person_id);

create table incident_perpetrators (
    incident_id bigint not null references incidents (incident_id) on delete cascade,
    organisation_id bigint not null references organisations (organisation_id),
    involvement text not null,
    created_at bigint not null,
    primary key (incident_id, organisation_id)
);

create table claims (
    claim_id integer primary key,
    source_id bigint not null references sources (source_id),
    incident_id bigint references incidents (incident_id) on delete cascade,
    person_id bigint references people (person_id),
    about text not null,
    locator text not null default '',
    statement text not null default '',
    credibility bigint not null,
    created_at bigint not null
);
create index claims_incident on claims (incident_id, claim_id);
create index claims_source on claims (source_id, claim_id);

-- The figures a claim asserts (killed = 35).
create table claim_values (
    claim_id bigint not null references claims (claim_id) on delete cascade,
    measure text not null,
    value bigint not null,
    primary key (claim_id, measure)
);

-- The figure the record accepts for an incident, with why and who decided.
create table incident_figures (
    incident_id bigint not null references incidents (incident_id) on delete cascade,
    measure text not null,
    value bigint not null,
    reason text not null,
    set_by text not null,
    set_at bigint not null,
    primary key (incident_id, measure)
);
