-- 0012: an agent-arranged interview's agency (JobLink) apart from the adviser there (Mr Mori, agent_name), so
-- that scripts say "Mr Mori at JobLink" and mails are addressed to the person at the agency. Interviews saved
-- before keep both in agent_name, as they were typed.
ALTER TABLE interviews ADD COLUMN agency TEXT NOT NULL DEFAULT '';
