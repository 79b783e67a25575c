-- CRMKit JDBC store, MariaDB and MySQL: customers, their contact points, tags and name-search keys, and
-- relationships between customers. The tenant leads every key and index. Sort and search keys
-- compare by code point (VARBINARY, utf8mb4_bin), the order NameSearch.KEY_ORDER defines. MariaDB
-- ignores the names of primary keys, so they have none here.
--
-- The child tables (contact points, tags, name keys) belong to their customer's aggregate and are
-- written only by the store, in the same transaction as the customer's row; they carry no foreign
-- key, because checking one per child row made bulk imports several times slower on PostgreSQL.
-- To remove a customer, delete its rows from all four crm_customer* / crm_contact_point tables.

CREATE TABLE crm_customer (
    tenant_id          VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id                 BINARY(16)               NOT NULL,
    version            BIGINT                   NOT NULL,
    kind               VARCHAR(16)              NOT NULL,
    given_name         VARCHAR(200),
    family_name        VARCHAR(200),
    legal_name         VARCHAR(200),
    display_name       VARCHAR(200)             NOT NULL,
    sort_key           VARBINARY(2000)          NOT NULL,
    birthday           DATE,
    preferred_channel  VARCHAR(32),
    preferred_language VARCHAR(255),
    stage              VARCHAR(16)              NOT NULL,
    owner_id           VARCHAR(128),
    archived_at        DATETIME(6),
    attributes         JSON                     NOT NULL,
    consents           JSON                     NOT NULL,
    created_at         DATETIME(6)              NOT NULL,
    created_by_kind    VARCHAR(8)               NOT NULL,
    created_by         VARCHAR(128)             NOT NULL,
    updated_at         DATETIME(6)              NOT NULL,
    updated_by_kind    VARCHAR(8)               NOT NULL,
    updated_by         VARCHAR(128)             NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX crm_customer_name_ix ON crm_customer (tenant_id, sort_key, id);
CREATE INDEX crm_customer_stage_ix ON crm_customer (tenant_id, stage, id);
CREATE INDEX crm_customer_owner_ix ON crm_customer (tenant_id, owner_id, id);

CREATE TABLE crm_contact_point (
    tenant_id     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id   BINARY(16)   NOT NULL,
    seq           SMALLINT     NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    contact_value VARCHAR(254),
    network       VARCHAR(32),
    label         VARCHAR(40)  NOT NULL,
    is_primary    BOOLEAN      NOT NULL,
    line1         VARCHAR(200),
    line2         VARCHAR(200),
    line3         VARCHAR(200),
    line4         VARCHAR(200),
    city          VARCHAR(100),
    region        VARCHAR(100),
    postal_code   VARCHAR(20),
    country       CHAR(2),
    PRIMARY KEY (tenant_id, customer_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX crm_contact_point_value_ix ON crm_contact_point (tenant_id, kind, contact_value, customer_id);

CREATE TABLE crm_customer_tag (
    tenant_id   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id BINARY(16)   NOT NULL,
    tag         VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, tag)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX crm_customer_tag_ix ON crm_customer_tag (tenant_id, tag, customer_id);

-- name_key holds at most 600 code points of a key; full_key holds the whole key when it is longer
CREATE TABLE crm_customer_name_key (
    tenant_id   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id BINARY(16)   NOT NULL,
    seq         SMALLINT     NOT NULL,
    name_key    VARCHAR(600) NOT NULL,
    full_key    TEXT,
    PRIMARY KEY (tenant_id, customer_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX crm_customer_name_key_ix ON crm_customer_name_key (tenant_id, name_key, customer_id);

CREATE TABLE crm_relationship (
    tenant_id       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id              BINARY(16)               NOT NULL,
    version         BIGINT                   NOT NULL,
    from_id         BINARY(16)               NOT NULL,
    to_id           BINARY(16)               NOT NULL,
    role_code       VARCHAR(40)              NOT NULL,
    valid_from      DATE,
    valid_to        DATE,
    created_at      DATETIME(6)              NOT NULL,
    created_by_kind VARCHAR(8)               NOT NULL,
    created_by      VARCHAR(128)             NOT NULL,
    updated_at      DATETIME(6)              NOT NULL,
    updated_by_kind VARCHAR(8)               NOT NULL,
    updated_by      VARCHAR(128)             NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX crm_relationship_from_ix ON crm_relationship (tenant_id, from_id, id);
CREATE INDEX crm_relationship_to_ix ON crm_relationship (tenant_id, to_id, id);
