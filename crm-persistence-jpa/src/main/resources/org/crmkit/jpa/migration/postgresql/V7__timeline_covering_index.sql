-- CRMKit JPA store, PostgreSQL: the timeline index covers channel and direction, so that a timeline
-- filtered by channel or direction and the per-channel activity are answered from the index alone
-- (an index-only scan), without fetching one table row per interaction to test its channel.
-- Rebuilding the index locks crmkit_interaction_participant against writes while it runs.

DROP INDEX crmkit_interaction_participant_timeline_ix;
CREATE INDEX crmkit_interaction_participant_timeline_ix
    ON crmkit_interaction_participant (tenant_id, customer_id, occurred_at DESC, interaction_id DESC)
    INCLUDE (channel, direction);
