-- CRMKit JPA store, PostgreSQL: service requests, tasks with their reminders, and the rotations of
-- teams (whose turn it was last). The tenant leads every key and index. Each aggregate row carries
-- the version the store checks on every save (optimistic locking).
--
-- crmkit_request holds one row per request. next_deadline is the earliest deadline still pending
-- (the store writes it on every save; null once both are met): the overdue list is a range of
-- crmkit_request_deadline_ix. The two booleans remember which passed deadlines were announced.
-- Each inbound interaction opens at most one request: opened_by is unique in the tenant (null for
-- a request opened by hand; nulls never collide). An assignee's open requests and their count are
-- read along crmkit_request_assignee_ix, a customer's newest open requests along
-- crmkit_request_customer_ix. The store checks ids and opened_by before it inserts and maps a
-- violation that a concurrent writer causes to a concurrent update.
--
-- crmkit_task holds one row per task; origin (what produced it, such as a contact cadence) is
-- unique in the tenant and compares exactly (COLLATE "C"). reminder_count tells the store whether
-- to read crmkit_task_reminder at all. crmkit_task_reminder keeps a task's reminders in their order
-- (seq), the offset before the due time in whole microseconds and when each fires;
-- crmkit_task_reminder_due_ix leads with delivered so that the scheduler's window of undelivered
-- reminders is one range scan. Like every child table of the JPA store it has no foreign key: the
-- store writes it only in the same transaction as its task.
--
-- crmkit_rotation is one row per team that took a turn; team ids compare exactly (COLLATE "C").
--
-- Instants keep microseconds. No foreign keys to customers, interactions or other aggregates: like
-- every CRMKit store, an aggregate refers to another by id only.

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
    origin          VARCHAR(200) COLLATE "C",
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
    tenant_id     VARCHAR(64)              NOT NULL,
    team_id       VARCHAR(128) COLLATE "C" NOT NULL,
    version       BIGINT                   NOT NULL,
    last_staff_id VARCHAR(128)             NOT NULL,
    CONSTRAINT crmkit_rotation_pk PRIMARY KEY (tenant_id, team_id)
);
