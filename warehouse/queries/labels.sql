-- One row per code with a label from the warehouse: (list_name, code, en, es, fr).
select 'bodies' as list_name, body_code as code, name_en as en, name_es as es, name_fr as fr
from bodies
union all
select 'topics', topic_code, label_en, label_es, label_fr from topics
union all
select 'topic_groups', group_code, label_en, label_es, label_fr from topic_groups
union all
select 'parties', party_code, name_en, name_es, name_fr from parties
union all
select list_name, code, label_en, label_es, label_fr from code_labels;
