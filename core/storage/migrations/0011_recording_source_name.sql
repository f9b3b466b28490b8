-- 0011: the name an imported recording's file had where it came from (interview-2026-12-03.m4a), shown beside
-- its time so that the user recognises it. '' for recordings made in the app, and for imports stored before this
-- column existed.
ALTER TABLE recordings ADD COLUMN source_name TEXT NOT NULL DEFAULT '';
