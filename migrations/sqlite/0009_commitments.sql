-- Agreements (memoranda, letters, statements, pledges) with their parties,
-- signatories and the sources that carry them; the commitments inside them, each
-- with one measurable term; and the dated, sourced observations about whether each
-- was kept. Status is never stored: it is computed from the record as of a date.
-- Days are epoch milliseconds of midnight UTC.

create table agreements (
    agreement_id integer primary key,
    title text not null,
    kind text not null,
    made_on bigint not null,
    summary text not null default '',
    created_at bigint not null,
    updated_at bigint not null
);
create index agreements_made on agreements (made_on);

create table agreement_parties (
    agreement_id bigint not null references agreements (agreement_id) on delete cascade,
    organisation_id bigint not null references organisations (organisation_id),
    primary key (agreement_id, organisation_id)
);
create index agreement_parties_org on agreement_parties (organisation_id);

-- Who signed, as the document names them, for which party (a signatory is a public
-- office holder acting for an organisation, not a registered resident).
create table agreement_signatories (
    signatory_id integer primary key,
    agreement_id bigint not null references agreements (agreement_id) on delete cascade,
    name text not null,
    organisation_id bigint references organisations (organisation_id),
    created_at bigint not null
);
create index agreement_signatories_agreement on agreement_signatories (agreement_id);

create table agreement_sources (
    agreement_id bigint not null references agreements (agreement_id) on delete cascade,
    source_id bigint not null references sources (source_id),
    locator text not null default '',
    primary key (agreement_id, source_id)
);

-- One obligation with one term. Which columns a term uses depends on `term`:
-- deadline: due_on; quantity: item, quantity, per_residents (with convoy_id or
-- site_id); presence: share_permille; frequency: visits, period_days; prohibition
-- and access: category (with site_id).
create table commitments (
    commitment_id integer primary key,
    agreement_id bigint not null references agreements (agreement_id) on delete cascade,
    statement text not null,
    owed_by_id bigint not null references organisations (organisation_id),
    owed_to_id bigint references organisations (organisation_id),
    site_id bigint references sites (site_id),
    convoy_id bigint references convoys (convoy_id),
    in_force_from bigint not null,
    in_force_until bigint,
    term text not null,
    due_on bigint,
    item text not null default '',
    quantity bigint,
    per_residents bigint,
    share_permille bigint,
    visits bigint,
    period_days bigint,
    category text,
    created_at bigint not null,
    updated_at bigint not null
);
create index commitments_agreement on commitments (agreement_id, commitment_id);
create index commitments_owed_by on commitments (owed_by_id);

create table commitment_observations (
    observation_id integer primary key,
    commitment_id bigint not null references commitments (commitment_id) on delete cascade,
    observed_on bigint not null,
    outcome text not null,
    share_permille bigint,
    source_id bigint not null references sources (source_id),
    locator text not null default '',
    note text not null default '',
    created_at bigint not null
);
create index commitment_observations_commitment on commitment_observations (commitment_id, observed_on);

-- Monitoring visits: an organisation's monitors at a site, from arrival to departure
-- (epoch ms), with how many came and the source that reports it. They feed presence
-- and frequency terms.
create table monitoring_visits (
    visit_id integer primary key,
    organisation_id bigint not null references organisations (organisation_id),
    site_id bigint not null references sites (site_id),
    arrival bigint not null,
    departure bigint not null,
    monitors bigint,
    source_id bigint references sources (source_id),
    created_at bigint not null
);
create index monitoring_visits_site on monitoring_visits (organisation_id, site_id, arrival);
