-- The registry: sites, households, people, their needs and their dated status history.
-- Personal fields of people are sealed (blob); *_key columns hold keyed blind-index
-- tags, never the values.

create table sites (
    site_id integer primary key,
    code text not null unique,
    name_en text not null,
    name_fa text not null default '',
    name_ar text not null default '',
    kind text not null,
    country text not null,
    lat real,
    lon real,
    capacity bigint,
    created_at bigint not null,
    updated_at bigint not null
);

create table households (
    household_id integer primary key,
    code text not null unique,
    external_ref text unique,
    site_id bigint references sites (site_id),
    created_at bigint not null,
    updated_at bigint not null
);
create index households_site on households (site_id);

create table people (
    person_id integer primary key,
    code text not null unique,
    external_id text unique,
    site_id bigint references sites (site_id),
    household_id bigint references households (household_id),
    relationship text not null default 'other',
    status text not null default 'present',
    sex text not null default 'unknown',
    birth_year bigint,
    nationality text,
    languages text not null default '',
    protection text not null default 'unknown',
    name_latin blob,
    name_original blob,
    birth_date blob,
    document blob,
    phone blob,
    notes blob,
    name_key_latin text,
    name_key_original text,
    document_key text,
    created_at bigint not null,
    updated_at bigint not null
);
create index people_site on people (site_id, person_id);
create index people_household on people (household_id);
create index people_status on people (status, person_id);
create index people_name_key_latin on people (name_key_latin);
create index people_name_key_original on people (name_key_original);
create index people_document_key on people (document_key);

create table person_needs (
    person_id bigint not null references people (person_id) on delete cascade,
    kind text not null,
    urgency text not null,
    primary key (person_id, kind)
);
create index person_needs_kind on person_needs (kind, urgency);

-- Where each person was and in what status, from when: the source of population
-- figures at any past date.
create table person_history (
    history_id integer primary key,
    person_id bigint not null references people (person_id) on delete cascade,
    status text not null,
    site_id bigint references sites (site_id),
    effective_at bigint not null,
    recorded_at bigint not null,
    reason text not null default ''
);
create index person_history_person on person_history (person_id, effective_at);
create index person_history_site on person_history (site_id, effective_at);
