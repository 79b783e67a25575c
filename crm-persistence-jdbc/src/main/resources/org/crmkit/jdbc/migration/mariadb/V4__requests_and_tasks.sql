-- CRMKit JDBC store, MariaDB and MySQL: service requests, tasks with their reminders, and the
-- round-robin rotation of each team. The tenant leads every key and index. Instants keep
-- microseconds. MariaDB ignores the names of primary keys, so they have none here.
--
-- crm_request holds one row per request. opened_by, the interaction that opened it, is unique in
-- the tenant (a unique key allows any number of NULLs), so each interaction opens one request at
-- most. Two columns are derived from the others and written on every save, for the indexes alone:
-- is_open (the status is neither RESOLVED nor CLOSED) and next_deadline (the earliest deadline
-- still pending, NULL when both are met: Request.nextDeadline). The two *_notified flags are the
-- request's overdueNotified set.
--
-- crm_task holds one row per task; origin (what produced it, such as a contact cadence) is unique
-- in the tenant and compares exactly: it is kept as its UTF-8 bytes (VARBINARY, which neither pads
-- nor folds, as crm_interaction.external_id). Its reminders are rows of crm_task_reminder in their
-- order (seq), before_due_micros in whole microseconds, written only by the store in the same
-- transaction as the task's row and replaced whole when the task is saved. task_open repeats
-- whether the task is OPEN (it is written with the task's row, every time), so that
-- crm_task_reminder_due_ix finds the undelivered reminders of open tasks that fire in a window
-- without reading those of done or cancelled tasks.
--
-- crm_rotation holds whose turn it was last in each team, by team id compared exactly (VARBINARY
-- again).
--
-- No foreign keys, as in V1 and V3: the ports do not require the customers, interactions,
-- opportunities or requests named here to exist, and the child rows are the store's own.

CREATE TABLE crm_request (
    tenant_id               VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id                      BINARY(16)   NOT NULL,
    version                 BIGINT       NOT NULL,
    customer_id             BINARY(16)   NOT NULL,
    channel                 VARCHAR(32)  NOT NULL,
    kind                    VARCHAR(16)  NOT NULL,
    priority                VARCHAR(8)   NOT NULL,
    subject                 VARCHAR(300) NOT NULL,
    topic                   VARCHAR(128),
    opened_by               BINARY(16),
    status                  VARCHAR(24)  NOT NULL,
    is_open                 BOOLEAN      NOT NULL,
    assignee                VARCHAR(128),
    team                    VARCHAR(128),
    opened_at               DATETIME(6)  NOT NULL,
    first_response_due      DATETIME(6)  NOT NULL,
    resolution_due          DATETIME(6)  NOT NULL,
    first_responded_at      DATETIME(6),
    resolved_at             DATETIME(6),
    closed_at               DATETIME(6),
    first_response_notified BOOLEAN      NOT NULL,
    resolution_notified     BOOLEAN      NOT NULL,
    next_deadline           DATETIME(6),
    created_at              DATETIME(6)  NOT NULL,
    created_by_kind         VARCHAR(8)   NOT NULL,
    created_by              VARCHAR(128) NOT NULL,
    updated_at              DATETIME(6)  NOT NULL,
    updated_by_kind         VARCHAR(8)   NOT NULL,
    updated_by              VARCHAR(128) NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_request_opened_by_uq UNIQUE (tenant_id, opened_by)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX crm_request_deadline_ix ON crm_request (tenant_id, next_deadline, id);
CREATE INDEX crm_request_assignee_ix ON crm_request (tenant_id, assignee, is_open, id);
CREATE INDEX crm_request_customer_ix ON crm_request (tenant_id, customer_id, is_open, opened_at DESC, id DESC);

CREATE TABLE crm_task (
    tenant_id       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id              BINARY(16)     NOT NULL,
    version         BIGINT         NOT NULL,
    kind            VARCHAR(16)    NOT NULL,
    title           VARCHAR(300)   NOT NULL,
    notes           TEXT,
    due             DATETIME(6)    NOT NULL,
    assignee        VARCHAR(128)   NOT NULL,
    priority        VARCHAR(8)     NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    customer_id     BINARY(16),
    opportunity_id  BINARY(16),
    request_id      BINARY(16),
    origin          VARBINARY(800),
    completed_at    DATETIME(6),
    created_at      DATETIME(6)    NOT NULL,
    created_by_kind VARCHAR(8)     NOT NULL,
    created_by      VARCHAR(128)   NOT NULL,
    updated_at      DATETIME(6)    NOT NULL,
    updated_by_kind VARCHAR(8)     NOT NULL,
    updated_by      VARCHAR(128)   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_task_origin_uq UNIQUE (tenant_id, origin)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX crm_task_assignee_ix ON crm_task (tenant_id, assignee, status, id);
CREATE INDEX crm_task_customer_ix ON crm_task (tenant_id, customer_id, status, due, id);

CREATE TABLE crm_task_reminder (
    tenant_id         VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    task_id           BINARY(16)  NOT NULL,
    seq               SMALLINT    NOT NULL,
    before_due_micros BIGINT      NOT NULL,
    remind_at         DATETIME(6) NOT NULL,
    delivered         BOOLEAN     NOT NULL,
    task_open         BOOLEAN     NOT NULL,
    PRIMARY KEY (tenant_id, task_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX crm_task_reminder_due_ix ON crm_task_reminder (tenant_id, delivered, task_open, remind_at, task_id);

CREATE TABLE crm_rotation (
    tenant_id  VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    team       VARBINARY(512) NOT NULL,
    version    BIGINT         NOT NULL,
    last_staff VARCHAR(128)   NOT NULL,
    PRIMARY KEY (tenant_id, team)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
