-- CRMKit JDBC store, H2: one row per e-mail or phone that a duplicate check has looked at.
-- A writer that checks whether another customer has a contact value first upserts and so locks its
-- row here, in its own transaction; a second writer checking the same value waits until the first
-- commits and then sees the customer it stored. Rows are never deleted: a value checked once is
-- likely to be checked again, and an absent row would leave nothing to lock.
CREATE TABLE crm_contact_lock (
    tenant_id     VARCHAR(64)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    contact_value VARCHAR(254) NOT NULL,
    CONSTRAINT crm_contact_lock_pk PRIMARY KEY (tenant_id, kind, contact_value)
);
