-- CRMKit JPA store, H2: the timeline index covers channel and direction (as trailing key columns;
-- H2 has no INCLUDE), so that a timeline filtered by channel or direction and the per-channel
-- activity are answered from the index alone.

DROP INDEX crmkit_interaction_participant_timeline_ix;
CREATE INDEX crmkit_interaction_participant_timeline_ix
    ON crmkit_interaction_participant (tenant_id, customer_id, occurred_at DESC, interaction_id DESC, channel, direction);
