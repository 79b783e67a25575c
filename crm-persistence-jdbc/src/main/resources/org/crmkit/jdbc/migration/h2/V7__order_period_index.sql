-- CRMKit JDBC store: sales analysis reads a tenant's orders by time range (figures per period, top
-- customers, purchase frequency); this index serves those ranges instead of a scan of the tenant.

CREATE INDEX crm_order_period_ix ON crm_order (tenant_id, ordered_at);
