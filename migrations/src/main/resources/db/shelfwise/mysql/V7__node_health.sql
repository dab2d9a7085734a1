-- Shelfwise node health, version 7. Written for MySQL 8 (InnoDB, utf8mb4); the other dialects' V7 files hold the same table.
-- Every node (a storefront or admin application context with the plugin) writes what it measured once a minute:
-- event intake totals, queue, and the whole snapshot (cache hit rates, latency percentiles per placement, model
-- failures) as the JSON HealthReportJson writes. The admin's health page reads every node's rows, so it shows the
-- storefront's traffic, not its own. Rows older than a day are deleted by the nodes as they write.
CREATE TABLE SW_NODE_HEALTH (
    NODE                VARCHAR(128)   NOT NULL,
    ROLE                VARCHAR(32)    NOT NULL,
    TAKEN_AT            DATETIME(3)   NOT NULL,
    STARTED_AT          DATETIME(3)   NOT NULL,
    EVENTS_WRITTEN      DOUBLE         NOT NULL,
    EVENTS_DROPPED      DOUBLE         NOT NULL,
    EVENTS_QUEUED       DOUBLE         NOT NULL,
    SNAPSHOT_JSON       MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (NODE, TAKEN_AT)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX SW_NODE_HEALTH_BY_TIME ON SW_NODE_HEALTH (TAKEN_AT);
