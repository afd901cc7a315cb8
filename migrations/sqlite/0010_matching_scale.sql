-- Name matching at scale: a name tag is looked up with a birth-year window, so the
-- index carries the birth year after the tag. A common name held by thousands then
-- costs a range of the index, not a visit to every holder's row.
create index people_name_latin_born on people (name_key_latin, birth_year);
create index people_name_original_born on people (name_key_original, birth_year);
drop index people_name_key_latin;
drop index people_name_key_original;
