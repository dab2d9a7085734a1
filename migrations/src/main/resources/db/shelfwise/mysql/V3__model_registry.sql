-- Shelfwise model registry, version 3. Written for MySQL 8 (InnoDB, utf8mb4); the other dialects' V3 files hold the same tables.
-- A model version is one training run of one strategy; its ONNX artifact lives in the model store directory
-- (ARTIFACT_FILE, relative to it) and is checked against ARTIFACT_SHA256 whenever it is read.
-- STATUS runs TRAINING -> READY or TRAINING -> FAILED, and never back.
CREATE TABLE SW_MODEL_VERSION (
    ID              BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    STRATEGY        VARCHAR(64)    NOT NULL,
    VERSION         INTEGER        NOT NULL,
    STATUS          VARCHAR(16)    NOT NULL,
    CREATED_AT      DATETIME(3)    NOT NULL,
    COMPLETED_AT    DATETIME(3),
    DATA_FROM       DATETIME(3),
    DATA_TO         DATETIME(3),
    TRAIN_SECONDS   DOUBLE,
    ITEM_COUNT      INTEGER,
    METRICS_JSON    MEDIUMTEXT,
    PROVENANCE_JSON MEDIUMTEXT,
    SETTINGS_JSON   MEDIUMTEXT,
    ARTIFACT_FILE   VARCHAR(255),
    ARTIFACT_SHA256 CHAR(64),
    ARTIFACT_BYTES  BIGINT,
    MESSAGE         VARCHAR(2000),
    PROGRESS        DOUBLE,
    CONSTRAINT SW_MODEL_VERSION_NUMBER UNIQUE (STRATEGY, VERSION),
    CONSTRAINT SW_MODEL_VERSION_STATUS CHECK (STATUS IN ('TRAINING', 'READY', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The last version number handed out per strategy, so that a number is never given twice, even after its
-- version was deleted (events name the model that served them as strategy@version).
CREATE TABLE SW_MODEL_STRATEGY (
    STRATEGY        VARCHAR(64)    NOT NULL PRIMARY KEY,
    LAST_VERSION    INTEGER        NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Which version serves a placement: its latest row (highest ID). Rows are only appended; deleting a version
-- clears VERSION_ID in its old rows and keeps STRATEGY and VERSION, so the history still says what was served.
CREATE TABLE SW_PLACEMENT_ACTIVATION (
    ID              BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    PLACEMENT       VARCHAR(64)    NOT NULL,
    VERSION_ID      BIGINT,
    STRATEGY        VARCHAR(64)    NOT NULL,
    VERSION         INTEGER        NOT NULL,
    ACTIVATED_AT    DATETIME(3)    NOT NULL,
    ACTIVATED_BY    VARCHAR(128)   NOT NULL,
    REASON          VARCHAR(32)    NOT NULL,
    CONSTRAINT SW_PLACEMENT_ACTIVATION_VERSION FOREIGN KEY (VERSION_ID) REFERENCES SW_MODEL_VERSION (ID),
    CONSTRAINT SW_PLACEMENT_ACTIVATION_REASON CHECK (REASON IN ('activate', 'rollback'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX SW_PLACEMENT_ACTIVATION_LATEST ON SW_PLACEMENT_ACTIVATION (PLACEMENT, ID);
CREATE INDEX SW_PLACEMENT_ACTIVATION_VERSION_ID ON SW_PLACEMENT_ACTIVATION (VERSION_ID);
