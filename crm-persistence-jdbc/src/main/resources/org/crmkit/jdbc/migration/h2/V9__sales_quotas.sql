-- CRMKit JDBC store: sales quotas, and an index for the opportunities closed in a period.
--
-- crm_sales_quota holds at most one quota per sales rep and calendar month (quota_month is its
-- first day), in one currency; the weighted forecast sets the won and weighted amounts of a period
-- against the quotas of the months it holds.
--
-- crm_opportunity_closed_ix serves the pipeline report and the weighted forecast: the won or lost
-- opportunities of a tenant closed in a period.
CREATE TABLE crm_sales_quota (
    tenant_id   VARCHAR(64)    NOT NULL,
    owner_id    VARCHAR(128)   NOT NULL,
    quota_month DATE           NOT NULL,
    amount      NUMERIC(38, 4) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    CONSTRAINT crm_sales_quota_pk PRIMARY KEY (tenant_id, owner_id, quota_month)
);
CREATE INDEX crm_sales_quota_month_ix ON crm_sales_quota (tenant_id, quota_month);

CREATE INDEX crm_opportunity_closed_ix ON crm_opportunity (tenant_id, status, closed_at);
