-- CRMKit JPA store, PostgreSQL: sales pipelines with their stages, opportunities with their line
-- items and stage history, and orders with their lines. The tenant leads every key and index.
--
-- crmkit_pipeline holds one row per pipeline, versioned (optimistic locking). Its stages are rows of
-- crmkit_pipeline_stage in their order (seq); a stage keeps its id across renames and moves, so the
-- store rewrites the rows position by position and stage_id carries no unique key (a move swaps
-- ids between positions within one flush). The won and lost reasons are JSON arrays of text in one
-- column each: they are a short ordered list of configuration, read only with their pipeline and
-- never filtered in SQL (an analysis of why deals were lost groups opportunities by their own
-- close_reason), so a child table would only add a statement to every read and a diff to every
-- save. stage_count tells a read whether it saw every stage of the version it read.
--
-- crmkit_opportunity holds one row per opportunity, versioned. amount is what it is worth (the sum of
-- its lines when it has any) in currency, exactly: NUMERIC(38, 4) holds every Money. A customer's and
-- an owner's open opportunities are read along crmkit_opportunity_customer_ix and
-- crmkit_opportunity_owner_ix (status before id, so the open ones are one range in id order); the
-- forecast and pipeline analysis reads crmkit_opportunity_close_ix (status, then expected_close).
-- crmkit_opportunity_line keeps the line items in their order; crmkit_opportunity_stage_change the
-- full stage history, oldest first (seq), with who moved it and when. line_count and history_count
-- let a read skip the line table and tell whether it saw every row of the version it read.
--
-- crmkit_order is append-only: the store inserts an order's rows in one transaction and never
-- updates or deletes them, so it carries no version. total_amount (the sum of the lines, which the
-- store derives) is stored for sales analysis in SQL; cost_amount is in the same currency, null when
-- unknown. An external id (the shop's or ERP's order number) is unique in its tenant and compares
-- exactly (COLLATE "C"); the store checks ids and external ids before it inserts and maps a violation
-- that a concurrent writer causes to a concurrent update. A customer's latest orders are one range
-- of crmkit_order_customer_ix, newest first. The lines of both opportunities and orders keep the
-- quantity and discount to 4 decimals, and their total (price x quantity x (1 - discount), rounded
-- to the currency's minor unit), derived, for SQL analysis by product.
--
-- Instants keep microseconds. Child tables are written only by the store, in the same transaction
-- as their parent, and carry no foreign keys; like every CRMKit store, an aggregate refers to
-- customers, pipelines, campaigns and opportunities by id only.

CREATE TABLE crmkit_pipeline (
    tenant_id       VARCHAR(64)                 NOT NULL,
    id              UUID                        NOT NULL,
    version         BIGINT                      NOT NULL,
    name            VARCHAR(100)                NOT NULL,
    won_reasons     TEXT                        NOT NULL,
    lost_reasons    TEXT                        NOT NULL,
    stage_count     SMALLINT                    NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by_kind VARCHAR(8)                  NOT NULL,
    created_by_id   VARCHAR(128)                NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by_kind VARCHAR(8)                  NOT NULL,
    updated_by_id   VARCHAR(128)                NOT NULL,
    CONSTRAINT crmkit_pipeline_pk PRIMARY KEY (tenant_id, id)
);

CREATE TABLE crmkit_pipeline_stage (
    tenant_id   VARCHAR(64)  NOT NULL,
    pipeline_id UUID         NOT NULL,
    seq         SMALLINT     NOT NULL,
    stage_id    UUID         NOT NULL,
    name        VARCHAR(100) NOT NULL,
    probability SMALLINT     NOT NULL,
    category    VARCHAR(16)  NOT NULL,
    retired     BOOLEAN      NOT NULL,
    CONSTRAINT crmkit_pipeline_stage_pk PRIMARY KEY (tenant_id, pipeline_id, seq)
);

CREATE TABLE crmkit_opportunity (
    tenant_id            VARCHAR(64)                 NOT NULL,
    id                   UUID                        NOT NULL,
    version              BIGINT                      NOT NULL,
    customer_id          UUID                        NOT NULL,
    owner_id             VARCHAR(128)                NOT NULL,
    pipeline_id          UUID                        NOT NULL,
    name                 VARCHAR(200)                NOT NULL,
    amount               NUMERIC(38, 4)              NOT NULL,
    currency             VARCHAR(3)                  NOT NULL,
    expected_close       DATE                        NOT NULL,
    stage_id             UUID                        NOT NULL,
    probability_override SMALLINT,
    forecast_category    VARCHAR(16)                 NOT NULL,
    source_channel       VARCHAR(32),
    source_campaign_id   UUID,
    status               VARCHAR(8)                  NOT NULL,
    close_reason         VARCHAR(100),
    closed_at            TIMESTAMP(6) WITH TIME ZONE,
    line_count           SMALLINT                    NOT NULL,
    history_count        INTEGER                     NOT NULL,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by_kind      VARCHAR(8)                  NOT NULL,
    created_by_id        VARCHAR(128)                NOT NULL,
    updated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by_kind      VARCHAR(8)                  NOT NULL,
    updated_by_id        VARCHAR(128)                NOT NULL,
    CONSTRAINT crmkit_opportunity_pk PRIMARY KEY (tenant_id, id)
);

CREATE INDEX crmkit_opportunity_customer_ix ON crmkit_opportunity (tenant_id, customer_id, status, id);
CREATE INDEX crmkit_opportunity_owner_ix ON crmkit_opportunity (tenant_id, owner_id, status, id);
CREATE INDEX crmkit_opportunity_close_ix ON crmkit_opportunity (tenant_id, status, expected_close);

CREATE TABLE crmkit_opportunity_line (
    tenant_id      VARCHAR(64)    NOT NULL,
    opportunity_id UUID           NOT NULL,
    seq            SMALLINT       NOT NULL,
    product        VARCHAR(128)   NOT NULL,
    quantity       NUMERIC(19, 4) NOT NULL,
    unit_price     NUMERIC(38, 4) NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    discount       NUMERIC(5, 4)  NOT NULL,
    total          NUMERIC(38, 4) NOT NULL,
    CONSTRAINT crmkit_opportunity_line_pk PRIMARY KEY (tenant_id, opportunity_id, seq)
);

CREATE TABLE crmkit_opportunity_stage_change (
    tenant_id       VARCHAR(64)                 NOT NULL,
    opportunity_id  UUID                        NOT NULL,
    seq             INTEGER                     NOT NULL,
    stage_id        UUID                        NOT NULL,
    status          VARCHAR(8)                  NOT NULL,
    changed_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    changed_by_kind VARCHAR(8)                  NOT NULL,
    changed_by_id   VARCHAR(128)                NOT NULL,
    CONSTRAINT crmkit_opportunity_stage_change_pk PRIMARY KEY (tenant_id, opportunity_id, seq)
);

CREATE TABLE crmkit_order (
    tenant_id       VARCHAR(64)                 NOT NULL,
    id              UUID                        NOT NULL,
    customer_id     UUID                        NOT NULL,
    ordered_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    total_amount    NUMERIC(38, 4)              NOT NULL,
    cost_amount     NUMERIC(38, 4),
    currency        VARCHAR(3)                  NOT NULL,
    channel         VARCHAR(32),
    opportunity_id  UUID,
    external_id     VARCHAR(255) COLLATE "C",
    line_count      SMALLINT                    NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by_kind VARCHAR(8)                  NOT NULL,
    created_by_id   VARCHAR(128)                NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by_kind VARCHAR(8)                  NOT NULL,
    updated_by_id   VARCHAR(128)                NOT NULL,
    CONSTRAINT crmkit_order_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crmkit_order_external_id_uq UNIQUE (tenant_id, external_id)
);

CREATE INDEX crmkit_order_customer_ix ON crmkit_order (tenant_id, customer_id, ordered_at DESC, id DESC);

CREATE TABLE crmkit_order_line (
    tenant_id  VARCHAR(64)    NOT NULL,
    order_id   UUID           NOT NULL,
    seq        SMALLINT       NOT NULL,
    product    VARCHAR(128)   NOT NULL,
    quantity   NUMERIC(19, 4) NOT NULL,
    unit_price NUMERIC(38, 4) NOT NULL,
    currency   VARCHAR(3)     NOT NULL,
    discount   NUMERIC(5, 4)  NOT NULL,
    total      NUMERIC(38, 4) NOT NULL,
    CONSTRAINT crmkit_order_line_pk PRIMARY KEY (tenant_id, order_id, seq)
);
