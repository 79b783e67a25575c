-- CRMKit JPA store, H2: interactions (calls, e-mails, meetings, messages), the customers who took
-- part in each, and the aggregates each is linked to. The tenant leads every key and index. Kept
-- column for column equal to the PostgreSQL migration of the same version, which explains the design.
--
-- H2 compares strings exactly (by UTF-16 code unit, case and spaces counting), so external_id needs
-- no collation here. The store maps a unique violation that a concurrent writer causes by the
-- constraint's name, so keep the names.

CREATE TABLE crmkit_interaction (
    tenant_id        VARCHAR(64)                 NOT NULL,
    id               UUID                        NOT NULL,
    channel          VARCHAR(32)                 NOT NULL,
    direction        VARCHAR(8)                  NOT NULL,
    occurred_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    duration_micros  BIGINT                      NOT NULL,
    staff_id         VARCHAR(128),
    subject          VARCHAR(500),
    summary          CHARACTER VARYING,
    outcome          VARCHAR(100),
    cost_amount      NUMERIC(38, 4),
    cost_currency    VARCHAR(3),
    external_id      VARCHAR(255),
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
