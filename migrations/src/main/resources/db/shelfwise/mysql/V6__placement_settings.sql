-- Shelfwise placement settings, version 6. Written for MySQL 8 (InnoDB, utf8mb4); the other dialects' V6 files hold the same tables.
-- An admin's override of one placement's settings (fallback chain and blends, business rules, cache TTL), as the
-- JSON PlacementJson writes. A placement without a row serves its standard settings; a reset deletes the row.
-- REVISION counts the saves of a placement, so nodes polling the table see a change.
CREATE TABLE SW_PLACEMENT_SETTINGS (
    PLACEMENT       VARCHAR(64)    NOT NULL PRIMARY KEY,
    SETTINGS_JSON   MEDIUMTEXT     NOT NULL,
    REVISION        BIGINT         NOT NULL,
    UPDATED_AT      DATETIME(3)    NOT NULL,
    UPDATED_BY      VARCHAR(128)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every save and reset, appended: who changed which placement, when, to what (SETTINGS_JSON NULL: reset to the
-- standard settings). Nothing an admin saved is lost by a later save or a reset.
CREATE TABLE SW_PLACEMENT_SETTINGS_HISTORY (
    ID              BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    PLACEMENT       VARCHAR(64)    NOT NULL,
    SETTINGS_JSON   MEDIUMTEXT,
    CHANGED_AT      DATETIME(3)    NOT NULL,
    CHANGED_BY      VARCHAR(128)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX SW_PLACEMENT_SETTINGS_HISTORY_BY_PLACEMENT ON SW_PLACEMENT_SETTINGS_HISTORY (PLACEMENT, ID);
