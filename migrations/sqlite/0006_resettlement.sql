-- Resettlement: country offers, a case per household and the dated steps of each
-- case through the UNHCR stages. Days are epoch milliseconds of midnight UTC. No
-- personal data here: a case names its household, and people appear by code.

-- A country's announced places, with the conditions it sets.
create table resettlement_offers (
    offer_id integer primary key,
    country text not null,
    announced_on bigint not null,
    places bigint not null,
    -- The largest household the country takes (null: any size).
    max_household bigint,
    -- Whether it can take people with serious medical needs (1) or not (0).
    medical bigint not null default 1,
    note text not null default '',
    created_at bigint not null,
    updated_at bigint not null
);
create index resettlement_offers_country on resettlement_offers (country, announced_on);

-- A household's case: where it stands now (a copy of its last step, kept so that
-- lists and the funnel read one row per case).
create table resettlement_cases (
    case_id integer primary key,
    household_id bigint not null references households (household_id),
    stage text not null,
    stage_on bigint not null,
    opened_on bigint not null,
    country text,
    offer_id bigint references resettlement_offers (offer_id),
    priority text,
    category text,
    people bigint not null,
    created_at bigint not null,
    updated_at bigint not null
);
create index resettlement_cases_household on resettlement_cases (household_id);
create index resettlement_cases_stage on resettlement_cases (stage, stage_on);
create index resettlement_cases_offer on resettlement_cases (offer_id);

-- Every stage a case entered, when, and with what: the case's history, the source of
-- the funnel at a past date and of time spent in each stage.
create table resettlement_steps (
    step_id integer primary key,
    case_id bigint not null references resettlement_cases (case_id) on delete cascade,
    stage text not null,
    effective_on bigint not null,
    country text,
    offer_id bigint references resettlement_offers (offer_id),
    priority text,
    category text,
    people bigint not null,
    note text not null default '',
    recorded_at bigint not null,
    recorded_by text not null
);
create index resettlement_steps_case on resettlement_steps (case_id, effective_on, step_id);
create index resettlement_steps_stage on resettlement_steps (stage, effective_on);


-- The case officer's decision on each placement an allocation proposed: accepted (the
-- case was submitted under the offer) or rejected (never proposed again).
create table resettlement_placements (
    placement_id integer primary key,
    case_id bigint not null references resettlement_cases (case_id) on delete cascade,
    offer_id bigint not null references resettlement_offers (offer_id),
    decision text not null,
    reason text not null default '',
    decided_at bigint not null,
    decided_by text not null
);
create index resettlement_placements_case on resettlement_placements (case_id, offer_id);
