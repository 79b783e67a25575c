-- CRMKit JPA store, H2: sales pipelines with their stages, opportunities with their line items and
-- stage history, and orders with their lines. The tenant leads every key and index. Kept column for
-- column equal to the PostgreSQL migration of the same version, which explains the design.
--
-- H2 compares strings exactly (by UTF-16 code unit, case and spaces counting), so external_id needs
-- no collation here. The store maps a unique violation that a concurrent writer causes to a
-- concurrent update.

CREATE TABLE crmkit_pipeline (
    tenant_id       VARCHAR(64)                 NOT NULL,
    id              UUID                        NOT NULL,
    version         BIGINT                      NOT NULL,
    name            VARCHAR(100)                NOT NULL,
    won_reasons     CHARACTER VARYING           NOT NULL,
    lost_reasons    CHARACTER VARYING           NOT NULL,
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
    external_id     VARCHAR(255),
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
