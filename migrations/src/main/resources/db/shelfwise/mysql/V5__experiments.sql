-- Shelfwise A/B tests, version 5. Written for MySQL 8 (InnoDB, utf8mb4); the other dialects' V5 files hold the same tables.
-- An experiment splits one storefront placement's shoppers between two or more arms by a hash of the shopper.
-- STATUS runs DRAFT -> RUNNING -> STOPPED, never back. RUNNING_PLACEMENT holds the placement while the
-- experiment runs and is NULL otherwise: its UNIQUE constraint keeps one running experiment per placement even
-- when two admins start experiments at the same moment. WINNER_ARM and PROMOTED_* say which arm was promoted.
CREATE TABLE SW_EXPERIMENT (
    ID                BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    NAME              VARCHAR(128)   NOT NULL,
    PLACEMENT         VARCHAR(64)    NOT NULL,
    STATUS            VARCHAR(16)    NOT NULL,
    RUNNING_PLACEMENT VARCHAR(64),
    CREATED_AT        DATETIME(3)   NOT NULL,
    CREATED_BY        VARCHAR(128)   NOT NULL,
    STARTED_AT        DATETIME(3),
    STARTED_BY        VARCHAR(128),
    STOPPED_AT        DATETIME(3),
    STOPPED_BY        VARCHAR(128),
    WINNER_ARM        VARCHAR(32),
    PROMOTED_AT       DATETIME(3),
    PROMOTED_BY       VARCHAR(128),
    CONSTRAINT SW_EXPERIMENT_STATUS CHECK (STATUS IN ('DRAFT', 'RUNNING', 'STOPPED')),
    CONSTRAINT SW_EXPERIMENT_ONE_RUNNING UNIQUE (RUNNING_PLACEMENT)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX SW_EXPERIMENT_BY_PLACEMENT ON SW_EXPERIMENT (PLACEMENT, ID);

-- The arms of an experiment, in order (ARM_ORDER 0 is the control the others are compared with). An arm serves
-- the placement as configured, or with a model version of its own for one strategy of the chain (VERSION_ID, with
-- STRATEGY and VERSION_NUMBER kept so the arm still says what it served if the version is deleted later: no
-- foreign key, so old versions stay deletable), and/or with other placement settings: CHAIN (steps as
-- strategy:input, comma-separated; NULL keeps the placement's), EXCLUDE_VIEWED, EXCLUDE_PURCHASED and
-- MAX_PER_CATEGORY (NULL keeps the placement's). TRAFFIC_PERCENT of an experiment's arms sum to 100.
CREATE TABLE SW_EXPERIMENT_ARM (
    ID                BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    EXPERIMENT_ID     BIGINT         NOT NULL,
    ARM_ORDER         INTEGER        NOT NULL,
    NAME              VARCHAR(32)    NOT NULL,
    TRAFFIC_PERCENT   INTEGER        NOT NULL,
    VERSION_ID        BIGINT,
    STRATEGY          VARCHAR(64),
    VERSION_NUMBER    INTEGER,
    CHAIN             VARCHAR(1000),
    EXCLUDE_VIEWED    BOOLEAN,
    EXCLUDE_PURCHASED BOOLEAN,
    MAX_PER_CATEGORY  INTEGER,
    CONSTRAINT SW_EXPERIMENT_ARM_EXPERIMENT FOREIGN KEY (EXPERIMENT_ID) REFERENCES SW_EXPERIMENT (ID),
    CONSTRAINT SW_EXPERIMENT_ARM_NAME UNIQUE (EXPERIMENT_ID, NAME),
    CONSTRAINT SW_EXPERIMENT_ARM_PERCENT CHECK (TRAFFIC_PERCENT BETWEEN 1 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
