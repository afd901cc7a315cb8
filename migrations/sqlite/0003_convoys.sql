-- Convoys: transfers from one site to another, the people on them and their asset
-- manifest. Dates are days (epoch milliseconds of midnight UTC). Head counts are what
-- was counted at departure and at arrival, kept beside the list so they can be
-- reconciled. Manifest sources are citations (no personal data).

create table convoys (
    convoy_id integer primary key,
    seq bigint not null unique,
    origin_site_id bigint not null references sites (site_id),
    destination_site_id bigint not null references sites (site_id),
    planned_on bigint,
    departed_on bigint,
    arrived_on bigint,
    status text not null default 'planned',
    left_count bigint,
    arrived_count bigint,
    completed_at bigint,
    created_at bigint not null,
    updated_at bigint not null
);
create index convoys_status on convoys (status, seq);

-- Who is on a convoy, and what became of them: listed until the convoy completes,
-- then arrived or missing.
create table convoy_people (
    convoy_id bigint not null references convoys (convoy_id) on delete cascade,
    person_id bigint not null references people (person_id),
    outcome text not null default 'listed',
    added_at bigint not null,
    primary key (convoy_id, person_id)
);
create index convoy_people_person on convoy_people (person_id);

create table convoy_manifest (
    line_id integer primary key,
    convoy_id bigint not null references convoys (convoy_id) on delete cascade,
    item text not null,
    unit text not null default '',
    agreed bigint,
    allowed bigint,
    moved bigint,
    agreed_source text not null default '',
    allowed_source text not null default '',
    moved_source text not null default '',
    created_at bigint not null,
    updated_at bigint not null
);
create index convoy_manifest_convoy on convoy_manifest (convoy_id, line_id);
