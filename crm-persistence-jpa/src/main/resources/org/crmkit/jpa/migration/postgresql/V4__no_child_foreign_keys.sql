-- CRMKit JPA store: the child tables of a customer (contact points, tags, name keys) lose their
-- foreign keys to crmkit_customer, as in the JDBC store. They belong to the customer's aggregate and
-- are written only by the store, in the same transaction as the customer's row; checking a key per
-- child row made bulk imports through saveAll several times slower on PostgreSQL. The store never
-- deletes a customer's row without its children, so ON DELETE CASCADE had nothing to do.
ALTER TABLE crmkit_customer_contact DROP CONSTRAINT crmkit_customer_contact_customer_fk;
ALTER TABLE crmkit_customer_tag DROP CONSTRAINT crmkit_customer_tag_customer_fk;
ALTER TABLE crmkit_customer_name_key DROP CONSTRAINT crmkit_customer_name_key_customer_fk;
