-- The topic taxonomy: one row per topic with its group and labels.
select topics.group_code, topic_groups.label_en as group_en, topic_groups.label_es as group_es,
       topic_groups.label_fr as group_fr, topics.topic_code, topics.label_en, topics.label_es,
       topics.label_fr
from topics
join topic_groups using (group_code)
order by topics.group_code, topics.topic_code;
