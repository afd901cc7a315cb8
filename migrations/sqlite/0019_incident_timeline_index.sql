-- The timeline's aggregate (standing incidents by period, category and place, filtered
-- by verification and source grade) read from one index alone, in its group order:
-- no table row is read and nothing is sorted. It replaces `incidents_period`, its
-- first two columns, so recording an incident still enters one index keyed by period,
-- not two. `retracted_at` is in it so that the index covers the query's `where`.
drop index incidents_period;
create index incidents_timeline on incidents
    (period, category, site_id, place, lat, lon, status, best_grade, retracted_at)
    where retracted_at is null;
