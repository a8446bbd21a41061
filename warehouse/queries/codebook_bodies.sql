-- The bodies: one row per body with chapter, article and names.
select body_code, chapter, article, name_en, name_es, name_fr from bodies order by chapter, body_code;
