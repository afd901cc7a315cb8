-- The incidents that breach a prohibition or access term that names no site: the
-- standing ones of a category in a span of time, at any site or none. The index of
-- 0017 leads with the site after the category, so such a term was read through
-- `incidents_category`, which does not hold `retracted_at`: counting a category's
-- breaches read every incident's row (72,000 at 1 M incidents: most of what set the
-- evaluation of every commitment apart from the same statuses by hand-written SQL).
-- Partial, so that it holds standing incidents only and covers the query.
create index incidents_breach_any on incidents (category, started_at)
    where retracted_at is null;
