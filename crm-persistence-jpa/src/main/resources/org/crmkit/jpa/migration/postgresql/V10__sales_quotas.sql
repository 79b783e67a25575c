-- CRMKit JPA store, PostgreSQL: the sales quotas, and an index for the pipeline figures of closed
-- opportunities. The tenant leads the key and the index.
--
-- crmkit_sales_quota holds at most one row per sales rep (owner_id, the host's staff id) and month:
-- what the rep is expected to win that month (Quota). month_start is the first day of the month (a
-- DATE, since neither database has a month type; MONTH is a keyword in H2). amount is kept exactly,
-- NUMERIC(38, 4) with its currency beside it, as every amount of the sales tables. A quota carries no
-- version: putting one replaces what the rep had for that month, and two writers of the same new
-- quota at once collide on the key, the later failing with a concurrent update. The key leads with
-- the month after the tenant, so that the quotas of a range of months, the only list the store
-- reads, are one range of it; a put or a remove names all three columns.
--
-- crmkit_opportunity_closed_ix serves the pipeline figures of closed opportunities: those of a
-- pipeline won or lost in a period (the funnel, win rate, deal size and cycle), and those won in the
-- periods of a forecast, are ranges of (status, closed_at) within the tenant, as the open ones are
-- ranges of crmkit_opportunity_close_ix (status, expected_close).

CREATE TABLE crmkit_sales_quota (
    tenant_id   VARCHAR(64)    NOT NULL,
    month_start DATE           NOT NULL,
    owner_id    VARCHAR(128)   NOT NULL,
    amount      NUMERIC(38, 4) NOT NULL,
    currency    VARCHAR(3)     NOT NULL,
    CONSTRAINT crmkit_sales_quota_pk PRIMARY KEY (tenant_id, month_start, owner_id)
);

CREATE INDEX crmkit_opportunity_closed_ix ON crmkit_opportunity (tenant_id, status, closed_at);
