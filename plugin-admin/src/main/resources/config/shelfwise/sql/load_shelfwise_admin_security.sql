--
-- The "Recommendations" module of the Broadleaf admin console: its menu (module and sections), its permissions
-- and the roles that hold them. Ids are negative and below -9000, clear of Broadleaf's own rows (-1..-1000) and of
-- rows the admin creates (positive). The sections have no ceiling entity: they are pages of their own, not
-- entity screens (Broadleaf then leaves the decision to the permissions below). The permission entities name
-- io.shelfwise.admin.Recommendations, a name only (no such class), so they never grant access to an entity.
--
-- Two permissions: PERMISSION_READ_SHELFWISE opens every page of the module; PERMISSION_ALL_SHELFWISE also allows
-- every action (train, activate, roll back, delete, upload, A/B tests, tuning, price approvals, privacy tools).
-- ROLE_ADMIN (-1) gets both; ROLE_SHELFWISE_ANALYST may look but not change anything.
--
-- AdminMenuRows applies this file at every admin start, adding only what is missing: a module, section,
-- permission, permission entity or role whose id is not there yet, and the cross-references of rows it has just
-- added. Rows that exist are never changed, and a cross-reference an admin removed from an existing row stays
-- removed. New sections of later plugin versions are simply new lines here.
--
INSERT INTO BLC_ADMIN_MODULE (ADMIN_MODULE_ID, NAME, MODULE_KEY, ICON, DISPLAY_ORDER) VALUES (-9100, 'Recommendations', 'ShelfwiseRecommendations', 'icon-star', 650);

INSERT INTO BLC_ADMIN_SECTION (ADMIN_SECTION_ID, DISPLAY_ORDER, ADMIN_MODULE_ID, NAME, SECTION_KEY, URL, CEILING_ENTITY) VALUES (-9101, 1000, -9100, 'Models', 'ShelfwiseModels', '/shelfwise/models', NULL);
INSERT INTO BLC_ADMIN_SECTION (ADMIN_SECTION_ID, DISPLAY_ORDER, ADMIN_MODULE_ID, NAME, SECTION_KEY, URL, CEILING_ENTITY) VALUES (-9102, 2000, -9100, 'A/B Tests', 'ShelfwiseExperiments', '/shelfwise/experiments', NULL);
INSERT INTO BLC_ADMIN_SECTION (ADMIN_SECTION_ID, DISPLAY_ORDER, ADMIN_MODULE_ID, NAME, SECTION_KEY, URL, CEILING_ENTITY) VALUES (-9103, 3000, -9100, 'Placement Tuning', 'ShelfwiseTuning', '/shelfwise/tuning', NULL);
INSERT INTO BLC_ADMIN_SECTION (ADMIN_SECTION_ID, DISPLAY_ORDER, ADMIN_MODULE_ID, NAME, SECTION_KEY, URL, CEILING_ENTITY) VALUES (-9104, 4000, -9100, 'Price Suggestions', 'ShelfwisePrices', '/shelfwise/prices', NULL);
INSERT INTO BLC_ADMIN_SECTION (ADMIN_SECTION_ID, DISPLAY_ORDER, ADMIN_MODULE_ID, NAME, SECTION_KEY, URL, CEILING_ENTITY) VALUES (-9106, 6000, -9100, 'Shopper Privacy', 'ShelfwisePrivacy', '/shelfwise/privacy', NULL);

-- The permissions checked (non-friendly: their names become the user's authorities) ...
INSERT INTO BLC_ADMIN_PERMISSION (ADMIN_PERMISSION_ID, DESCRIPTION, NAME, PERMISSION_TYPE, IS_FRIENDLY) VALUES (-9101, 'Read Recommendations', 'PERMISSION_READ_SHELFWISE', 'READ', FALSE);
INSERT INTO BLC_ADMIN_PERMISSION (ADMIN_PERMISSION_ID, DESCRIPTION, NAME, PERMISSION_TYPE, IS_FRIENDLY) VALUES (-9102, 'All Recommendations', 'PERMISSION_ALL_SHELFWISE', 'ALL', FALSE);
INSERT INTO BLC_ADMIN_PERMISSION_ENTITY (ADMIN_PERMISSION_ENTITY_ID, CEILING_ENTITY, ADMIN_PERMISSION_ID) VALUES (-9101, 'io.shelfwise.admin.Recommendations', -9101);
INSERT INTO BLC_ADMIN_PERMISSION_ENTITY (ADMIN_PERMISSION_ENTITY_ID, CEILING_ENTITY, ADMIN_PERMISSION_ID) VALUES (-9102, 'io.shelfwise.admin.Recommendations', -9102);
-- ... and the friendly ones an admin assigns to roles and users in Security > Roles (the menu's sections name these).
INSERT INTO BLC_ADMIN_PERMISSION (ADMIN_PERMISSION_ID, DESCRIPTION, NAME, PERMISSION_TYPE, IS_FRIENDLY) VALUES (-9103, 'View Recommendations', 'PERMISSION_SHELFWISE', 'READ', TRUE);
INSERT INTO BLC_ADMIN_PERMISSION (ADMIN_PERMISSION_ID, DESCRIPTION, NAME, PERMISSION_TYPE, IS_FRIENDLY) VALUES (-9104, 'Maintain Recommendations', 'PERMISSION_SHELFWISE', 'ALL', TRUE);
INSERT INTO BLC_ADMIN_PERMISSION_XREF (ADMIN_PERMISSION_ID, CHILD_PERMISSION_ID) VALUES (-9103, -9101);
INSERT INTO BLC_ADMIN_PERMISSION_XREF (ADMIN_PERMISSION_ID, CHILD_PERMISSION_ID) VALUES (-9104, -9101);
INSERT INTO BLC_ADMIN_PERMISSION_XREF (ADMIN_PERMISSION_ID, CHILD_PERMISSION_ID) VALUES (-9104, -9102);

INSERT INTO BLC_ADMIN_SEC_PERM_XREF (ADMIN_SECTION_ID, ADMIN_PERMISSION_ID) VALUES (-9101, -9103);
INSERT INTO BLC_ADMIN_SEC_PERM_XREF (ADMIN_SECTION_ID, ADMIN_PERMISSION_ID) VALUES (-9101, -9104);
INSERT INTO BLC_ADMIN_SEC_PERM_XREF (ADMIN_SECTION_ID, ADMIN_PERMISSION_ID) VALUES (-9102, -9103);
INSERT INTO BLC_ADMIN_SEC_PERM_XREF (ADMIN_SECTION_ID, ADMIN_PERMISSION_ID) VALUES (-9102, -9104);
INSERT INTO BLC_ADMIN_SEC_PERM_XREF (ADMIN_SECTION_ID, ADMIN_PERMISSION_ID) VALUES (-9103, -9103);
INSERT INTO BLC_ADMIN_SEC_PERM_XREF (ADMIN_SECTION_ID, ADMIN_PERMISSION_ID) VALUES (-9103, -9104);
INSERT INTO BLC_ADMIN_SEC_PERM_XREF (ADMIN_SECTION_ID, ADMIN_PERMISSION_ID) VALUES (-9104, -9103);
INSERT INTO BLC_ADMIN_SEC_PERM_XREF (ADMIN_SECTION_ID, ADMIN_PERMISSION_ID) VALUES (-9104, -9104);
INSERT INTO BLC_ADMIN_SEC_PERM_XREF (ADMIN_SECTION_ID, ADMIN_PERMISSION_ID) VALUES (-9106, -9103);
INSERT INTO BLC_ADMIN_SEC_PERM_XREF (ADMIN_SECTION_ID, ADMIN_PERMISSION_ID) VALUES (-9106, -9104);

INSERT INTO BLC_ADMIN_ROLE (ADMIN_ROLE_ID, DESCRIPTION, NAME) VALUES (-9100, 'Recommendations Analyst', 'ROLE_SHELFWISE_ANALYST');
INSERT INTO BLC_ADMIN_ROLE_PERMISSION_XREF (ADMIN_ROLE_ID, ADMIN_PERMISSION_ID) VALUES (-1, -9104);
INSERT INTO BLC_ADMIN_ROLE_PERMISSION_XREF (ADMIN_ROLE_ID, ADMIN_PERMISSION_ID) VALUES (-9100, -9103);
