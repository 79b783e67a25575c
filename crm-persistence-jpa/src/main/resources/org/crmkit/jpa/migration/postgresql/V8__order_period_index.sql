-- CRMKit JPA store: sales analysis reads a tenant's orders by time range (figures per period, top
-- customers, purchase frequency); this index serves those ranges instead of a scan of the tenant.

CREATE INDEX crmkit_order_period_ix ON crmkit_order (tenant_id, ordered_at);
