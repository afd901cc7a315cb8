-- An observation of a quantity term may count what was found on its day ("25 vehicles
-- at the camp"): with a term per N residents of a site, what is owed follows the
-- site's population as of that day.
alter table commitment_observations add column counted bigint;
