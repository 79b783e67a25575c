-- CRMKit JDBC store, MariaDB and MySQL: interactions (calls, e-mails, meetings, messages), the
-- customers who took part in each, and the aggregates each is linked to. The tenant leads every key
-- and index. Interactions are append-only: the store inserts these rows and never updates or deletes
-- them. MariaDB ignores the names of primary keys, so they have none here.
--
-- crm_interaction holds one row per interaction. An external id is unique in its tenant and compares
-- exactly: it is kept as its UTF-8 bytes (VARBINARY, which neither pads nor folds, on MariaDB and
-- MySQL alike), so case, trailing spaces and Unicode normal form count; utf8mb4_bin would pad. A
-- correction names the interaction it supersedes in supersedes_id, unique in the tenant, so each is
-- superseded at most once and "is it superseded?" is one probe of that index. Instants keep
-- microseconds, the duration is whole microseconds; link_count says whether crm_interaction_link has
-- rows for it.
--
-- crm_interaction_participant is one row per customer of an interaction, in its order (seq), with
-- the interaction's occurred_at, channel and direction copied in (they never change): a customer's
-- timeline is one range scan of crm_interaction_participant_timeline_ix, newest first, and their
-- activity one aggregate over it. crm_interaction_link keeps the links in their order, as rows rather
-- than JSON, so that a later query by campaign or opportunity needs only an index, not a backfill.
--
-- The child tables are written only by the store, in the same transaction as the interaction's row,
-- and carry no foreign key (to the interaction or to customers), as in V1: checking one per child row
-- slows bulk imports, and the port does not require participants or superseded interactions to exist.

CREATE TABLE crm_interaction (
    tenant_id        VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id               BINARY(16)      NOT NULL,
    channel          VARCHAR(32)     NOT NULL,
    direction        VARCHAR(8)      NOT NULL,
    occurred_at      DATETIME(6)     NOT NULL,
    duration_micros  BIGINT          NOT NULL,
    staff_id         VARCHAR(128),
    subject          VARCHAR(500),
    summary          TEXT,
    outcome          VARCHAR(100),
    cost_amount      DECIMAL(38, 4),
    cost_currency    CHAR(3),
    external_id      VARBINARY(1020),
    supersedes_id    BINARY(16),
    recorded_at      DATETIME(6)     NOT NULL,
    recorded_by_kind VARCHAR(8)      NOT NULL,
    recorded_by      VARCHAR(128)    NOT NULL,
    link_count       SMALLINT        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_interaction_external_id_uq UNIQUE (tenant_id, external_id),
    CONSTRAINT crm_interaction_supersedes_uq UNIQUE (tenant_id, supersedes_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE crm_interaction_participant (
    tenant_id      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    interaction_id BINARY(16)  NOT NULL,
    seq            SMALLINT    NOT NULL,
    customer_id    BINARY(16)  NOT NULL,
    role           VARCHAR(16) NOT NULL,
    occurred_at    DATETIME(6) NOT NULL,
    channel        VARCHAR(32) NOT NULL,
    direction      VARCHAR(8)  NOT NULL,
    PRIMARY KEY (tenant_id, interaction_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX crm_interaction_participant_timeline_ix
    ON crm_interaction_participant (tenant_id, customer_id, occurred_at DESC, interaction_id DESC);

CREATE TABLE crm_interaction_link (
    tenant_id      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    interaction_id BINARY(16)  NOT NULL,
    seq            SMALLINT    NOT NULL,
    kind           VARCHAR(16) NOT NULL,
    target_id      BINARY(16)  NOT NULL,
    PRIMARY KEY (tenant_id, interaction_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
