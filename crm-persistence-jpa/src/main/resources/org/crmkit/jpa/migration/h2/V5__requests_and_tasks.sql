-- CRMKit JPA store, H2: service requests, tasks with their reminders, and the rotations of teams.
-- The tenant leads every key and index. Kept column for column equal to the PostgreSQL migration of
-- the same version, which explains the design.
--
-- H2 compares strings exactly (by UTF-16 code unit, case and spaces counting), so origin and team_id
-- need no collation here. The store maps a unique violation that a concurrent writer causes to a
-- concurrent update.

CREATE TABLE crmkit_request (
    tenant_id                       VARCHAR(64)                 NOT NULL,
    id                              UUID                        NOT NULL,
    version                         BIGINT                      NOT NULL,
    customer_id                     UUID                        NOT NULL,
    channel                         VARCHAR(32)                 NOT NULL,
    kind                            VARCHAR(16)                 NOT NULL,
    priority                        VARCHAR(8)                  NOT NULL,
    subject                         VARCHAR(300)                NOT NULL,
    topic                           VARCHAR(128),
    opened_by                       UUID,
    status                          VARCHAR(24)                 NOT NULL,
    assignee_id                     VARCHAR(128),
    team_id                         VARCHAR(128),
    opened_at                       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    first_response_due              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    resolution_due                  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    first_responded_at              TIMESTAMP(6) WITH TIME ZONE,
    resolved_at                     TIMESTAMP(6) WITH TIME ZONE,
    closed_at                       TIMESTAMP(6) WITH TIME ZONE,
    first_response_overdue_notified BOOLEAN                     NOT NULL,
    resolution_overdue_notified     BOOLEAN                     NOT NULL,
    next_deadline                   TIMESTAMP(6) WITH TIME ZONE,
    created_at                      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by_kind                 VARCHAR(8)                  NOT NULL,
    created_by_id                   VARCHAR(128)                NOT NULL,
    updated_at                      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by_kind                 VARCHAR(8)                  NOT NULL,
    updated_by_id                   VARCHAR(128)                NOT NULL,
    CONSTRAINT crmkit_request_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crmkit_request_opened_by_uq UNIQUE (tenant_id, opened_by)
);

CREATE INDEX crmkit_request_deadline_ix ON crmkit_request (tenant_id, next_deadline);
CREATE INDEX crmkit_request_assignee_ix ON crmkit_request (tenant_id, assignee_id, status, id);
CREATE INDEX crmkit_request_customer_ix ON crmkit_request (tenant_id, customer_id, opened_at DESC, id DESC);

CREATE TABLE crmkit_task (
    tenant_id       VARCHAR(64)                 NOT NULL,
    id              UUID                        NOT NULL,
    version         BIGINT                      NOT NULL,
    kind            VARCHAR(16)                 NOT NULL,
    title           VARCHAR(300)                NOT NULL,
    notes           VARCHAR(4000),
    due             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    assignee_id     VARCHAR(128)                NOT NULL,
    priority        VARCHAR(8)                  NOT NULL,
    status          VARCHAR(16)                 NOT NULL,
    customer_id     UUID,
    opportunity_id  UUID,
    request_id      UUID,
    origin          VARCHAR(200),
    completed_at    TIMESTAMP(6) WITH TIME ZONE,
    reminder_count  SMALLINT                    NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by_kind VARCHAR(8)                  NOT NULL,
    created_by_id   VARCHAR(128)                NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by_kind VARCHAR(8)                  NOT NULL,
    updated_by_id   VARCHAR(128)                NOT NULL,
    CONSTRAINT crmkit_task_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crmkit_task_origin_uq UNIQUE (tenant_id, origin)
);

CREATE INDEX crmkit_task_customer_ix ON crmkit_task (tenant_id, customer_id, status, due, id);
CREATE INDEX crmkit_task_assignee_ix ON crmkit_task (tenant_id, assignee_id, status, id);

CREATE TABLE crmkit_task_reminder (
    tenant_id         VARCHAR(64)                 NOT NULL,
    task_id           UUID                        NOT NULL,
    seq               SMALLINT                    NOT NULL,
    before_due_micros BIGINT                      NOT NULL,
    remind_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    delivered         BOOLEAN                     NOT NULL,
    CONSTRAINT crmkit_task_reminder_pk PRIMARY KEY (tenant_id, task_id, seq)
);

CREATE INDEX crmkit_task_reminder_due_ix ON crmkit_task_reminder (tenant_id, delivered, remind_at, task_id);

CREATE TABLE crmkit_rotation (
    tenant_id     VARCHAR(64)  NOT NULL,
    team_id       VARCHAR(128) NOT NULL,
    version       BIGINT       NOT NULL,
    last_staff_id VARCHAR(128) NOT NULL,
    CONSTRAINT crmkit_rotation_pk PRIMARY KEY (tenant_id, team_id)
);
