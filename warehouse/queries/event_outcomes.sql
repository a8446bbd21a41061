-- The outcomes of one event with their topic codes, in record order.
select outcomes.outcome_no, outcomes.kind, outcomes.text,
       coalesce(list(outcome_topics.topic_code)
                filter (where outcome_topics.topic_code is not null), []) as topic_codes
from outcomes
left join outcome_topics using (event_id, outcome_no)
where outcomes.event_id = $event_id
group by all
order by outcomes.outcome_no;
