-- CRMKit JDBC store, PostgreSQL: sales pipelines with their stages, opportunities with their line
-- items and stage history, and orders with their lines. The tenant leads every key and index.
-- Instants keep microseconds. Amounts are NUMERIC(38, 4) with the ISO 4217 code beside them, so
-- that every currency's minor unit (none for JPY, three for BHD, four for pseudo-currencies) reads
-- back exactly; quantities are NUMERIC(19, 4) (below 10^15, four decimals) and discounts
-- NUMERIC(5, 4) (a share from 0 to 1).
--
-- crm_pipeline holds one row per pipeline; its won and lost reasons are JSON arrays of strings in
-- their order (JSONB keeps both), not rows: they are read and written only with their pipeline,
-- never queried on their own (the reason an opportunity was closed for is in crm_opportunity), so
-- a column saves a statement on every read and write. Its stages are rows of crm_pipeline_stage in
-- their order (seq), retired ones where they stood, replaced whole when the pipeline is saved.
--
-- crm_opportunity holds one row per opportunity. amount is the opportunity's (the sum of its lines
-- when it has any, written on every save) and line_count says whether crm_opportunity_line has rows
-- for it. probability_override is NULL when the stage's probability applies; close_reason and
-- closed_at are NULL while it is open. The status (OPEN, WON, LOST) follows tenant and customer or
-- owner in the indexes behind the open lists (crm_opportunity_customer_ix for a customer's,
-- crm_opportunity_owner_ix for a sales rep's, both by id), and crm_opportunity_close_ix serves the
-- forecast: the open (or won, or lost) opportunities expected to close in a period.
-- crm_opportunity_line keeps the line items in their order (seq), replaced whole when the
-- opportunity is saved; crm_opportunity_stage_change keeps the stage history in its order (seq).
-- A history only grows, so a save compares it with the stored one and inserts only the entries it
-- adds (rewriting from the first entry that differs, should one differ).
--
-- crm_order holds one row per order; orders are append-only: the store inserts these rows and
-- never updates or deletes them. total_amount (with currency) repeats the sum of the lines, and
-- each line row of an order or an opportunity its line_total, rounded as LineItem.total does it, so
-- that sales analysis sums them in SQL to what the in-memory store computes; cost_amount (in the
-- same currency) is NULL when unknown. An external id is unique in its tenant and compares exactly
-- (COLLATE "C", as crm_interaction.external_id). crm_order_customer_ix reads a customer's latest
-- orders newest first, by time then id.
--
-- No foreign keys, as in V1, V3 and V4: the ports do not require the customers, pipelines,
-- campaigns or opportunities named here to exist, the child rows are written only by the store in
-- the same transaction as their aggregate's row, and checking a key per child row slows bulk loads.

CREATE TABLE crm_pipeline (
    tenant_id       VARCHAR(64)              NOT NULL,
    id              UUID                     NOT NULL,
    version         BIGINT                   NOT NULL,
    name            VARCHAR(100)             NOT NULL,
    won_reasons     JSONB                    NOT NULL,
    lost_reasons    JSONB                    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_kind VARCHAR(8)               NOT NULL,
    created_by      VARCHAR(128)             NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by_kind VARCHAR(8)               NOT NULL,
    updated_by      VARCHAR(128)             NOT NULL,
    CONSTRAINT crm_pipeline_pk PRIMARY KEY (tenant_id, id)
);

CREATE TABLE crm_pipeline_stage (
    tenant_id   VARCHAR(64)  NOT NULL,
    pipeline_id UUID         NOT NULL,
    seq         SMALLINT     NOT NULL,
    stage_id    UUID         NOT NULL,
    name        VARCHAR(100) NOT NULL,
    probability SMALLINT     NOT NULL,
    category    VARCHAR(16)  NOT NULL,
    retired     BOOLEAN      NOT NULL,
    CONSTRAINT crm_pipeline_stage_pk PRIMARY KEY (tenant_id, pipeline_id, seq)
);

CREATE TABLE crm_opportunity (
    tenant_id            VARCHAR(64)              NOT NULL,
    id                   UUID                     NOT NULL,
    version              BIGINT                   NOT NULL,
    customer_id          UUID                     NOT NULL,
    owner_id             VARCHAR(128)             NOT NULL,
    pipeline_id          UUID                     NOT NULL,
    name                 VARCHAR(200)             NOT NULL,
    amount               NUMERIC(38, 4)           NOT NULL,
    currency             CHAR(3)                  NOT NULL,
    line_count           SMALLINT                 NOT NULL,
    expected_close       DATE                     NOT NULL,
    stage_id             UUID                     NOT NULL,
    probability_override SMALLINT,
    forecast_category    VARCHAR(16)              NOT NULL,
    source_channel       VARCHAR(32),
    source_campaign      UUID,
    status               VARCHAR(8)               NOT NULL,
    close_reason         VARCHAR(100),
    closed_at            TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_kind      VARCHAR(8)               NOT NULL,
    created_by           VARCHAR(128)             NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by_kind      VARCHAR(8)               NOT NULL,
    updated_by           VARCHAR(128)             NOT NULL,
    CONSTRAINT crm_opportunity_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX crm_opportunity_customer_ix ON crm_opportunity (tenant_id, customer_id, status, id);
CREATE INDEX crm_opportunity_owner_ix ON crm_opportunity (tenant_id, owner_id, status, id);
CREATE INDEX crm_opportunity_close_ix ON crm_opportunity (tenant_id, status, expected_close, id);

CREATE TABLE crm_opportunity_line (
    tenant_id      VARCHAR(64)    NOT NULL,
    opportunity_id UUID           NOT NULL,
    seq            SMALLINT       NOT NULL,
    product        VARCHAR(128)   NOT NULL,
    quantity       NUMERIC(19, 4) NOT NULL,
    unit_price     NUMERIC(38, 4) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    discount       NUMERIC(5, 4)  NOT NULL,
    line_total     NUMERIC(38, 4) NOT NULL,
    CONSTRAINT crm_opportunity_line_pk PRIMARY KEY (tenant_id, opportunity_id, seq)
);

CREATE TABLE crm_opportunity_stage_change (
    tenant_id       VARCHAR(64)              NOT NULL,
    opportunity_id  UUID                     NOT NULL,
    seq             INTEGER                  NOT NULL,
    stage_id        UUID                     NOT NULL,
    status          VARCHAR(8)               NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by_kind VARCHAR(8)               NOT NULL,
    changed_by      VARCHAR(128)             NOT NULL,
    CONSTRAINT crm_opportunity_stage_change_pk PRIMARY KEY (tenant_id, opportunity_id, seq)
);

CREATE TABLE crm_order (
    tenant_id       VARCHAR(64)              NOT NULL,
    id              UUID                     NOT NULL,
    customer_id     UUID                     NOT NULL,
    ordered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    total_amount    NUMERIC(38, 4)           NOT NULL,
    currency        CHAR(3)                  NOT NULL,
    cost_amount     NUMERIC(38, 4),
    channel         VARCHAR(32),
    opportunity_id  UUID,
    external_id     VARCHAR(255) COLLATE "C",
    line_count      SMALLINT                 NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_kind VARCHAR(8)               NOT NULL,
    created_by      VARCHAR(128)             NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by_kind VARCHAR(8)               NOT NULL,
    updated_by      VARCHAR(128)             NOT NULL,
    CONSTRAINT crm_order_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_order_external_id_uq UNIQUE (tenant_id, external_id)
);
CREATE INDEX crm_order_customer_ix ON crm_order (tenant_id, customer_id, ordered_at DESC, id DESC);

CREATE TABLE crm_order_line (
    tenant_id  VARCHAR(64)    NOT NULL,
    order_id   UUID           NOT NULL,
    seq        SMALLINT       NOT NULL,
    product    VARCHAR(128)   NOT NULL,
    quantity   NUMERIC(19, 4) NOT NULL,
    unit_price NUMERIC(38, 4) NOT NULL,
    currency   CHAR(3)        NOT NULL,
    discount   NUMERIC(5, 4)  NOT NULL,
    line_total NUMERIC(38, 4) NOT NULL,
    CONSTRAINT crm_order_line_pk PRIMARY KEY (tenant_id, order_id, seq)
);
