-- CRMKit JPA store, PostgreSQL: interactions (calls, e-mails, meetings, messages), the customers who
-- took part in each, and the aggregates each is linked to. The tenant leads every key and index.
-- Interactions are append-only: the store inserts these rows and never updates or deletes them.
--
-- crmkit_interaction holds one row per interaction. An external id is unique in its tenant and
-- compares exactly (COLLATE "C": case, spaces and Unicode normal form count). A correction names the
-- interaction it supersedes in supersedes_id, unique in the tenant, so each is superseded at most once
-- and "is it superseded?" is one probe of that index. The store checks these keys before it inserts
-- and maps a violation that a concurrent writer causes by the constraint's name, so keep the names.
-- Instants keep microseconds; the duration is whole microseconds; link_count tells the store whether
-- to read crmkit_interaction_link at all.
--
-- crmkit_interaction_participant is one row per customer of an interaction, in its order (seq), with
-- the interaction's occurred_at, channel and direction copied in (an interaction never changes): a
-- customer's timeline page is one range scan of crmkit_interaction_participant_timeline_ix, newest
-- first, and their activity one aggregate over the same range. crmkit_interaction_link keeps the
-- links in their order as rows, so that a later query by campaign or opportunity needs an index, not
-- a rewrite of stored data.
--
-- The child tables are written only by the store, in the same transaction as their interaction, and
-- carry no foreign keys: a check per child row slows bulk imports, and like every CRMKit store an
-- interaction refers to customers, opportunities, requests and campaigns by id only.

CREATE TABLE crmkit_interaction (
    tenant_id        VARCHAR(64)                 NOT NULL,
    id               UUID                        NOT NULL,
    channel          VARCHAR(32)                 NOT NULL,
    direction        VARCHAR(8)                  NOT NULL,
    occurred_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    duration_micros  BIGINT                      NOT NULL,
    staff_id         VARCHAR(128),
    subject          VARCHAR(500),
    summary          TEXT,
    outcome          VARCHAR(100),
    cost_amount      NUMERIC(38, 4),
    cost_currency    VARCHAR(3),
    external_id      VARCHAR(255) COLLATE "C",
    supersedes_id    UUID,
    recorded_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_by_kind VARCHAR(8)                  NOT NULL,
    recorded_by_id   VARCHAR(128)                NOT NULL,
    link_count       SMALLINT                    NOT NULL,
    CONSTRAINT crmkit_interaction_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crmkit_interaction_external_id_uq UNIQUE (tenant_id, external_id),
    CONSTRAINT crmkit_interaction_supersedes_uq UNIQUE (tenant_id, supersedes_id)
);

CREATE TABLE crmkit_interaction_participant (
    tenant_id      VARCHAR(64)                 NOT NULL,
    interaction_id UUID                        NOT NULL,
    seq            SMALLINT                    NOT NULL,
    customer_id    UUID                        NOT NULL,
    role           VARCHAR(16)                 NOT NULL,
    occurred_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    channel        VARCHAR(32)                 NOT NULL,
    direction      VARCHAR(8)                  NOT NULL,
    CONSTRAINT crmkit_interaction_participant_pk PRIMARY KEY (tenant_id, interaction_id, seq)
);

CREATE INDEX crmkit_interaction_participant_timeline_ix
    ON crmkit_interaction_participant (tenant_id, customer_id, occurred_at DESC, interaction_id DESC);

CREATE TABLE crmkit_interaction_link (
    tenant_id      VARCHAR(64) NOT NULL,
    interaction_id UUID        NOT NULL,
    seq            SMALLINT    NOT NULL,
    kind           VARCHAR(16) NOT NULL,
    target_id      UUID        NOT NULL,
    CONSTRAINT crmkit_interaction_link_pk PRIMARY KEY (tenant_id, interaction_id, seq)
);
