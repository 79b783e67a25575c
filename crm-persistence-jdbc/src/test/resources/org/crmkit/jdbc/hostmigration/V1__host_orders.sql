-- a host application's own migration, applied by the host's own Flyway in the same schema
CREATE TABLE host_order (id INTEGER NOT NULL PRIMARY KEY, note VARCHAR(100));
