-- CRMKit JPA store, H2: customers with their contact points, tags and name keys, and relationships
-- between customers. The tenant leads every primary key and index. Kept column for column equal to
-- the PostgreSQL migration of the same version.
--
-- sort_key and name_key hold folded names encoded by the store so that H2's comparison of strings
-- (by UTF-16 code unit) gives code point order.

CREATE TABLE crmkit_customer (
    tenant_id          VARCHAR(64)                 NOT NULL,
    id                 UUID                        NOT NULL,
    version            BIGINT                      NOT NULL,
    kind               VARCHAR(16)                 NOT NULL,
    given_name         VARCHAR(200),
    family_name        VARCHAR(200),
    legal_name         VARCHAR(200),
    display_name       VARCHAR(200)                NOT NULL,
    sort_key           CHARACTER VARYING           NOT NULL,
    birthday           DATE,
    preferred_channel  VARCHAR(32),
    preferred_language CHARACTER VARYING,
    stage              VARCHAR(16)                 NOT NULL,
    owner_id           VARCHAR(128),
    archived_at        TIMESTAMP(6) WITH TIME ZONE,
    attributes         CHARACTER VARYING           NOT NULL,
    consents           CHARACTER VARYING           NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by_kind    VARCHAR(8)                  NOT NULL,
    created_by_id      VARCHAR(128)                NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by_kind    VARCHAR(8)                  NOT NULL,
    updated_by_id      VARCHAR(128)                NOT NULL,
    CONSTRAINT crmkit_customer_pk PRIMARY KEY (tenant_id, id)
);

CREATE INDEX crmkit_customer_name_ix ON crmkit_customer (tenant_id, sort_key, id);

CREATE TABLE crmkit_customer_contact (
    tenant_id     VARCHAR(64)       NOT NULL,
    customer_id   UUID              NOT NULL,
    ordinal       INTEGER           NOT NULL,
    kind          VARCHAR(16)       NOT NULL,
    network       VARCHAR(32),
    contact_value VARCHAR(254),
    label         VARCHAR(40)       NOT NULL,
    is_primary    BOOLEAN           NOT NULL,
    address_lines CHARACTER VARYING,
    city          VARCHAR(100),
    region        VARCHAR(100),
    postal_code   VARCHAR(20),
    country       VARCHAR(2),
    CONSTRAINT crmkit_customer_contact_pk PRIMARY KEY (tenant_id, customer_id, ordinal),
    CONSTRAINT crmkit_customer_contact_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES crmkit_customer (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX crmkit_customer_contact_value_ix ON crmkit_customer_contact (tenant_id, kind, contact_value);

CREATE TABLE crmkit_customer_tag (
    tenant_id   VARCHAR(64)  NOT NULL,
    customer_id UUID         NOT NULL,
    tag         VARCHAR(255) NOT NULL,
    CONSTRAINT crmkit_customer_tag_pk PRIMARY KEY (tenant_id, customer_id, tag),
    CONSTRAINT crmkit_customer_tag_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES crmkit_customer (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX crmkit_customer_tag_ix ON crmkit_customer_tag (tenant_id, tag, customer_id);

CREATE TABLE crmkit_customer_name_key (
    tenant_id   VARCHAR(64)       NOT NULL,
    customer_id UUID              NOT NULL,
    name_key    CHARACTER VARYING NOT NULL,
    CONSTRAINT crmkit_customer_name_key_pk PRIMARY KEY (tenant_id, customer_id, name_key),
    CONSTRAINT crmkit_customer_name_key_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES crmkit_customer (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX crmkit_customer_name_key_ix ON crmkit_customer_name_key (tenant_id, name_key, customer_id);

-- No foreign keys to crmkit_customer: like every CRMKit store, a relationship refers to customers by id.
CREATE TABLE crmkit_relationship (
    tenant_id        VARCHAR(64)                 NOT NULL,
    id               UUID                        NOT NULL,
    version          BIGINT                      NOT NULL,
    from_customer_id UUID                        NOT NULL,
    to_customer_id   UUID                        NOT NULL,
    role_code        VARCHAR(40)                 NOT NULL,
    valid_from       DATE,
    valid_to         DATE,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by_kind  VARCHAR(8)                  NOT NULL,
    created_by_id    VARCHAR(128)                NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by_kind  VARCHAR(8)                  NOT NULL,
    updated_by_id    VARCHAR(128)                NOT NULL,
    CONSTRAINT crmkit_relationship_pk PRIMARY KEY (tenant_id, id)
);

CREATE INDEX crmkit_relationship_from_ix ON crmkit_relationship (tenant_id, from_customer_id);
CREATE INDEX crmkit_relationship_to_ix ON crmkit_relationship (tenant_id, to_customer_id);
