-- The name match tests tag, birth year and sex: with the sex in the index the whole
-- test is answered from it, and only the closest few holders of a common name are
-- read from the people table (see store::matching::by_name_windows).
create index people_name_latin_born_sex on people (name_key_latin, birth_year, sex);
create index people_name_original_born_sex on people (name_key_original, birth_year, sex);
drop index people_name_latin_born;
drop index people_name_original_born;
