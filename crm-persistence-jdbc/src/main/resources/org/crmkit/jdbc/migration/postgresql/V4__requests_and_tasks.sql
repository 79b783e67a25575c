-- CRMKit JDBC store, PostgreSQL: service requests, tasks with their reminders, and the round-robin
-- rotation of each team. The tenant leads every key and index. Instants keep microseconds.
--
-- crm_request holds one row per request. opened_by, the interaction that opened it, is unique in
-- the tenant (a unique key allows any number of NULLs), so each interaction opens one request at
-- most. Two columns are derived from the others and written on every save, for the indexes alone:
-- is_open (the status is neither RESOLVED nor CLOSED) and next_deadline (the earliest deadline
-- still pending, NULL when both are met: Request.nextDeadline). The two *_notified flags are the
-- request's overdueNotified set.
--
-- crm_task holds one row per task; origin (what produced it, such as a contact cadence) is unique
-- in the tenant and compares exactly (COLLATE "C": case and Unicode normal form count). Its
-- reminders are rows of crm_task_reminder in their order (seq), before_due_micros in whole
-- microseconds, written only by the store in the same transaction as the task's row and replaced
-- whole when the task is saved. task_open repeats whether the task is OPEN (it is written with the
-- task's row, every time), so that crm_task_reminder_due_ix finds the undelivered reminders of open
-- tasks that fire in a window without reading those of done or cancelled tasks.
--
-- crm_rotation holds whose turn it was last in each team, by team id compared exactly (COLLATE
-- "C").
--
-- No foreign keys, as in V1 and V3: the ports do not require the customers, interactions,
-- opportunities or requests named here to exist, and the child rows are the store's own.

CREATE TABLE crm_request (
    tenant_id               VARCHAR(64)              NOT NULL,
    id                      UUID                     NOT NULL,
    version                 BIGINT                   NOT NULL,
    customer_id             UUID                     NOT NULL,
    channel                 VARCHAR(32)              NOT NULL,
    kind                    VARCHAR(16)              NOT NULL,
    priority                VARCHAR(8)               NOT NULL,
    subject                 VARCHAR(300)             NOT NULL,
    topic                   VARCHAR(128),
    opened_by               UUID,
    status                  VARCHAR(24)              NOT NULL,
    is_open                 BOOLEAN                  NOT NULL,
    assignee                VARCHAR(128),
    team                    VARCHAR(128),
    opened_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    first_response_due      TIMESTAMP WITH TIME ZONE NOT NULL,
    resolution_due          TIMESTAMP WITH TIME ZONE NOT NULL,
    first_responded_at      TIMESTAMP WITH TIME ZONE,
    resolved_at             TIMESTAMP WITH TIME ZONE,
    closed_at               TIMESTAMP WITH TIME ZONE,
    first_response_notified BOOLEAN                  NOT NULL,
    resolution_notified     BOOLEAN                  NOT NULL,
    next_deadline           TIMESTAMP WITH TIME ZONE,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_kind         VARCHAR(8)               NOT NULL,
    created_by              VARCHAR(128)             NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by_kind         VARCHAR(8)               NOT NULL,
    updated_by              VARCHAR(128)             NOT NULL,
    CONSTRAINT crm_request_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_request_opened_by_uq UNIQUE (tenant_id, opened_by)
);
CREATE INDEX crm_request_deadline_ix ON crm_request (tenant_id, next_deadline, id);
CREATE INDEX crm_request_assignee_ix ON crm_request (tenant_id, assignee, is_open, id);
CREATE INDEX crm_request_customer_ix ON crm_request (tenant_id, customer_id, is_open, opened_at DESC, id DESC);

CREATE TABLE crm_task (
    tenant_id       VARCHAR(64)              NOT NULL,
    id              UUID                     NOT NULL,
    version         BIGINT                   NOT NULL,
    kind            VARCHAR(16)              NOT NULL,
    title           VARCHAR(300)             NOT NULL,
    notes           TEXT,
    due             TIMESTAMP WITH TIME ZONE NOT NULL,
    assignee        VARCHAR(128)             NOT NULL,
    priority        VARCHAR(8)               NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    customer_id     UUID,
    opportunity_id  UUID,
    request_id      UUID,
    origin          VARCHAR(200) COLLATE "C",
    completed_at    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_kind VARCHAR(8)               NOT NULL,
    created_by      VARCHAR(128)             NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by_kind VARCHAR(8)               NOT NULL,
    updated_by      VARCHAR(128)             NOT NULL,
    CONSTRAINT crm_task_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_task_origin_uq UNIQUE (tenant_id, origin)
);
CREATE INDEX crm_task_assignee_ix ON crm_task (tenant_id, assignee, status, id);
CREATE INDEX crm_task_customer_ix ON crm_task (tenant_id, customer_id, status, due, id);

CREATE TABLE crm_task_reminder (
    tenant_id         VARCHAR(64)              NOT NULL,
    task_id           UUID                     NOT NULL,
    seq               SMALLINT                 NOT NULL,
    before_due_micros BIGINT                   NOT NULL,
    remind_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered         BOOLEAN                  NOT NULL,
    task_open         BOOLEAN                  NOT NULL,
    CONSTRAINT crm_task_reminder_pk PRIMARY KEY (tenant_id, task_id, seq)
);
CREATE INDEX crm_task_reminder_due_ix ON crm_task_reminder (tenant_id, delivered, task_open, remind_at, task_id);

CREATE TABLE crm_rotation (
    tenant_id  VARCHAR(64)  NOT NULL,
    team       VARCHAR(128) COLLATE "C" NOT NULL,
    version    BIGINT       NOT NULL,
    last_staff VARCHAR(128) NOT NULL,
    CONSTRAINT crm_rotation_pk PRIMARY KEY (tenant_id, team)
);
