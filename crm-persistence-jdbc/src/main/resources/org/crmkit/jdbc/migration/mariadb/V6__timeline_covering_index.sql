-- CRMKit JDBC store, MariaDB: the timeline index covers channel and direction (as trailing key
-- columns; InnoDB has no INCLUDE), so that a timeline filtered by channel or direction and the
-- per-channel activity are answered from the index alone.

DROP INDEX crm_interaction_participant_timeline_ix ON crm_interaction_participant;
CREATE INDEX crm_interaction_participant_timeline_ix
    ON crm_interaction_participant (tenant_id, customer_id, occurred_at DESC, interaction_id DESC, channel, direction);
