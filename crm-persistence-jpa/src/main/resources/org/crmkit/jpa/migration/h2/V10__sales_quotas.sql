-- CRMKit JPA store, H2: the sales quotas, and an index for the pipeline figures of closed
-- opportunities. Kept column for column equal to the PostgreSQL migration of the same version, which
-- explains the design.
--
-- MONTH is a keyword in H2, so the month is the column month_start (its first day).

CREATE TABLE crmkit_sales_quota (
    tenant_id   VARCHAR(64)    NOT NULL,
    month_start DATE           NOT NULL,
    owner_id    VARCHAR(128)   NOT NULL,
    amount      NUMERIC(38, 4) NOT NULL,
    currency    VARCHAR(3)     NOT NULL,
    CONSTRAINT crmkit_sales_quota_pk PRIMARY KEY (tenant_id, month_start, owner_id)
);

CREATE INDEX crmkit_opportunity_closed_ix ON crmkit_opportunity (tenant_id, status, closed_at);
