-- CRMKit JPA store, PostgreSQL: one row per e-mail or phone that a duplicate check has looked at.
--
-- Before a writer checks that no other customer of the tenant has an e-mail or phone, it locks the
-- value's row here (SELECT ... FOR UPDATE, inserting the row when there is none), in the order every
-- writer follows, and holds the lock until its unit of work ends. A second writer checking the same
-- value waits for the first and then sees the customer it stored; when both insert a new value at
-- once, the second insert fails and that writer is told to try again. The store never deletes a
-- row: a value checked once is likely to be checked again, and without its row there would be
-- nothing to lock. A row outlives its customer, so when an e-mail or phone must be forgotten (an
-- erasure request), delete its row too; the next check of the value inserts it again.

CREATE TABLE crmkit_contact_lock (
    tenant_id     VARCHAR(64)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    contact_value VARCHAR(254) NOT NULL,
    CONSTRAINT crmkit_contact_lock_pk PRIMARY KEY (tenant_id, kind, contact_value)
);
